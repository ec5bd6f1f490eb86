CREATE TABLE `framework_levels` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`level` integer NOT NULL,
	`name` text NOT NULL,
	`default_refresher_months` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_levels_level_uq` ON `framework_levels` (`organisation_id`,`level`);--> statement-breakpoint
CREATE TABLE `level_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`scope` text NOT NULL,
	`agency_kind` text,
	`agency_id` text,
	`job_title_contains` text DEFAULT '' NOT NULL,
	`required_level` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`agency_id`) REFERENCES `agencies`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `level_requirements_org_idx` ON `level_requirements` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `programme_cost_percentages` (
	`organisation_id` text NOT NULL,
	`financial_year_start` integer NOT NULL,
	`agency_id` text NOT NULL,
	`basis_points` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `financial_year_start`, `agency_id`),
	FOREIGN KEY (`organisation_id`,`agency_id`) REFERENCES `agencies`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programme_cost_years` (
	`organisation_id` text NOT NULL,
	`financial_year_start` integer NOT NULL,
	`basis` text NOT NULL,
	`funding_plan_id` text,
	`workstream_key` text,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	PRIMARY KEY(`organisation_id`, `financial_year_start`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `programme_costs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`financial_year_start` integer NOT NULL,
	`category` text NOT NULL,
	`description` text NOT NULL,
	`amount_pence` integer NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `programme_costs_year_idx` ON `programme_costs` (`organisation_id`,`financial_year_start`);--> statement-breakpoint
CREATE TABLE `training_frameworks` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
