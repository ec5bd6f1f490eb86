ALTER TABLE `funding_plans` ADD `copied_from_id` text;--> statement-breakpoint
ALTER TABLE `funding_plans` ADD `scenario` text;