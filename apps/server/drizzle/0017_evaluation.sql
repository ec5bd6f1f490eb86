CREATE TABLE `evaluation_answers` (
	`organisation_id` text NOT NULL,
	`response_id` text NOT NULL,
	`outcome_id` text NOT NULL,
	`confidence` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `response_id`, `outcome_id`),
	FOREIGN KEY (`organisation_id`,`response_id`) REFERENCES `evaluation_responses`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`outcome_id`) REFERENCES `learning_outcomes`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_answers_confidence_ck" CHECK("evaluation_answers"."confidence" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `evaluation_answers_outcome_idx` ON `evaluation_answers` (`organisation_id`,`outcome_id`);--> statement-breakpoint
CREATE TABLE `evaluation_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`nomination_id` text NOT NULL,
	`stage` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`submitted_at` text NOT NULL,
	`submitted_by` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`submitted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_responses_stage_uq` ON `evaluation_responses` (`organisation_id`,`nomination_id`,`stage`);--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_responses_tenant_uq` ON `evaluation_responses` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `learning_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`course_id` text NOT NULL,
	`position` integer NOT NULL,
	`statement` text NOT NULL,
	`created_at` text NOT NULL,
	`archived_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`course_id`) REFERENCES `courses`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `learning_outcomes_tenant_uq` ON `learning_outcomes` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `learning_outcomes_course_idx` ON `learning_outcomes` (`organisation_id`,`course_id`);