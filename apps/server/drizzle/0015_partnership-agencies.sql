CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`member` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_name_uq` ON `agencies` (`organisation_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_tenant_uq` ON `agencies` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `charges` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`kind` text NOT NULL,
	`nomination_id` text NOT NULL,
	`session_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`financial_year_start` integer NOT NULL,
	`charged_on` text NOT NULL,
	`basis` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`waived_at` text,
	`waived_by_user_id` text,
	`waive_reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`agency_id`) REFERENCES `agencies`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charges_nomination_kind_uq` ON `charges` (`organisation_id`,`nomination_id`,`kind`);--> statement-breakpoint
CREATE INDEX `charges_agency_year_idx` ON `charges` (`organisation_id`,`agency_id`,`financial_year_start`);--> statement-breakpoint
CREATE TABLE `session_agencies` (
	`organisation_id` text NOT NULL,
	`session_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`reserved_places` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`organisation_id`, `session_id`, `agency_id`),
	FOREIGN KEY (`organisation_id`,`session_id`) REFERENCES `training_sessions`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`agency_id`) REFERENCES `agencies`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `organisations` ADD `runs_as_partnership` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `agency_id` text REFERENCES agencies(id);--> statement-breakpoint
CREATE INDEX `staff_agency_idx` ON `staff` (`organisation_id`,`agency_id`);--> statement-breakpoint
ALTER TABLE `nominations` ADD `substituted_for_id` text;--> statement-breakpoint
ALTER TABLE `nominations` ADD `unscheduled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `open_to` text DEFAULT 'all_members' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `reserved_until` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `non_member_price_pence` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `agency_id` text REFERENCES agencies(id);