CREATE TABLE `message_settings` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`disabled_kinds` text DEFAULT '[]' NOT NULL,
	`reminder_days` text DEFAULT '[7,1]' NOT NULL,
	`sender_name` text DEFAULT '' NOT NULL,
	`reply_to` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`recipient_email` text,
	`recipient_name` text NOT NULL,
	`recipient_staff_id` text,
	`recipient_user_id` text,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`ics` text,
	`calendar_uid` text,
	`calendar_sequence` integer,
	`session_id` text,
	`nomination_id` text,
	`staff_id` text,
	`idempotency_key` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	`requested_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_uq` ON `messages` (`organisation_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_session_idx` ON `messages` (`organisation_id`,`session_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_staff_idx` ON `messages` (`organisation_id`,`staff_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_nomination_idx` ON `messages` (`organisation_id`,`nomination_id`);