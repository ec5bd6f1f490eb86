CREATE TABLE `charging_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`enabled` integer DEFAULT false NOT NULL,
	`notice_working_days` integer NOT NULL,
	`half_day_max_minutes` integer NOT NULL,
	`late_half_day_pence` integer NOT NULL,
	`late_full_day_pence` integer NOT NULL,
	`no_show_half_day_pence` integer NOT NULL,
	`no_show_full_day_pence` integer NOT NULL,
	`charge_member_agencies` integer DEFAULT true NOT NULL,
	`bank_holidays` text,
	`bank_holidays_updated_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charging_policies_organisation_uq` ON `charging_policies` (`organisation_id`);