CREATE TABLE `department_tallies` (
	`organisation_id` text NOT NULL,
	`department_id` text NOT NULL,
	`state` text NOT NULL,
	`nominations` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `department_id`, `state`)
);
--> statement-breakpoint
DROP INDEX `staff_department_idx`;--> statement-breakpoint
CREATE INDEX `staff_department_idx` ON `staff` (`organisation_id`,`department_id`,`id`,`name`);--> statement-breakpoint
DROP INDEX `nominations_session_state_idx`;--> statement-breakpoint
DROP INDEX `nominations_staff_idx`;--> statement-breakpoint
CREATE INDEX `nominations_session_state_idx` ON `nominations` (`organisation_id`,`session_id`,`state`,`staff_id`,`id`);--> statement-breakpoint
CREATE INDEX `nominations_staff_idx` ON `nominations` (`organisation_id`,`staff_id`,`state`,`session_id`,`id`);--> statement-breakpoint
CREATE INDEX `nomination_tallies_manager_idx` ON `nomination_tallies` (`organisation_id`,`manager_key`);