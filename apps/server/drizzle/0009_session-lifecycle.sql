-- A cancelled or declined nomination keeps its history, and the person may be nominated for the
-- same session again: the unique index covers only nominations still in play (written by hand so
-- the condition reads plainly; drizzle's would qualify the column with the table name).
DROP INDEX `nominations_staff_session_uq`;--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_staff_session_uq` ON `nominations` (`organisation_id`,`session_id`,`staff_id`) WHERE `state` NOT IN ('cancelled', 'declined');--> statement-breakpoint
ALTER TABLE `courses` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `cancelled_at` text;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `cancel_reason` text DEFAULT '' NOT NULL;
