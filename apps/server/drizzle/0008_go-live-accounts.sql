CREATE TABLE `account_links` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`purpose` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `account_links_user_idx` ON `account_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_used_at` text,
	`use_audited_at` text,
	`revoked_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_tokenHash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
-- The password hash becomes nullable (an invited or single-sign-on user has none) without
-- rebuilding the users table: a rebuild drops the table, which with foreign keys on (the migrator
-- runs in one transaction, where they cannot be turned off) would delete every session and fail on
-- every row that names a user. The column is renamed, re-added without NOT NULL, copied, dropped.
ALTER TABLE `users` RENAME COLUMN `password_hash` TO `password_hash_before_0008`;--> statement-breakpoint
ALTER TABLE `users` ADD `password_hash` text;--> statement-breakpoint
UPDATE `users` SET `password_hash` = `password_hash_before_0008`;--> statement-breakpoint
ALTER TABLE `users` DROP COLUMN `password_hash_before_0008`;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `last_sign_in_at` text;--> statement-breakpoint
ALTER TABLE `users` ADD `sso_subject` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_sso_subject_idx` ON `users` (`organisation_id`,`sso_subject`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `daha_framework_id` text DEFAULT 'daha-2022' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `attendance_target_percent` integer DEFAULT 80 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `default_refresher_months` integer DEFAULT 36;--> statement-breakpoint
ALTER TABLE `organisations` ADD `evidence_review_months` integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `password_sign_in_allowed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `separate_evidence_approval` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_issuer_url` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_client_id` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_client_secret` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_allowed_domains` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_role_claim` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_role_mapping` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_default_role` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `sso_create_unknown_users` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_log_user_idx` ON `audit_log` (`user_id`,`id`);