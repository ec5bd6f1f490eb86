CREATE TABLE `action_plan_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`area_id` text NOT NULL,
	`what` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`recommendation_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`recommendation_id`) REFERENCES `recommendations`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_plan_actions_tenant_uq` ON `action_plan_actions` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `action_plan_actions_area_idx` ON `action_plan_actions` (`organisation_id`,`framework_id`,`area_id`);--> statement-breakpoint
CREATE TABLE `action_plan_evidence` (
	`organisation_id` text NOT NULL,
	`action_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	PRIMARY KEY(`action_id`, `evidence_id`),
	FOREIGN KEY (`organisation_id`,`action_id`) REFERENCES `action_plan_actions`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`evidence_id`) REFERENCES `evidence_items`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_plan_evidence_evidence_idx` ON `action_plan_evidence` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `committee_papers` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`committee` text NOT NULL,
	`meeting_date` text NOT NULL,
	`report_of` text NOT NULL,
	`title` text NOT NULL,
	`draft` text NOT NULL,
	`funding_plan_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`funding_plan_id`) REFERENCES `funding_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `committee_papers_meeting_idx` ON `committee_papers` (`organisation_id`,`meeting_date`);--> statement-breakpoint
CREATE TABLE `recommendation_areas` (
	`organisation_id` text NOT NULL,
	`recommendation_id` text NOT NULL,
	`area_id` text NOT NULL,
	PRIMARY KEY(`recommendation_id`, `area_id`),
	FOREIGN KEY (`organisation_id`,`recommendation_id`) REFERENCES `recommendations`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `recommendations` ADD `target_date` text;--> statement-breakpoint
ALTER TABLE `recommendations` ADD `rag` text;