CREATE TABLE `training_requests` (
	`nomination_id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_requests_organisation_idx` ON `training_requests` (`organisation_id`);--> statement-breakpoint
ALTER TABLE `staff` ADD `start_date` text;--> statement-breakpoint
ALTER TABLE `staff` ADD `leaving_date` text;