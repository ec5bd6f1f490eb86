CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text,
	`user_id` text,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`before` text,
	`after` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_organisation_idx` ON `audit_log` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `evidence_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	`status` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`evidence_id`) REFERENCES `evidence_items`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_events_evidence_idx` ON `evidence_events` (`evidence_id`);--> statement-breakpoint
CREATE TABLE `evidence_items` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`area_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`owner` text NOT NULL,
	`effective_date` text NOT NULL,
	`review_date` text,
	`expiry_date` text,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_items_tenant_uq` ON `evidence_items` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `evidence_items_area_idx` ON `evidence_items` (`organisation_id`,`area_id`,`status`);--> statement-breakpoint
CREATE TABLE `evidence_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`evidence_id` text NOT NULL,
	`revision` integer NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`file_name` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`evidence_id`) REFERENCES `evidence_items`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_revisions_revision_uq` ON `evidence_revisions` (`evidence_id`,`revision`);--> statement-breakpoint
CREATE INDEX `evidence_revisions_sha_idx` ON `evidence_revisions` (`sha256`);--> statement-breakpoint
CREATE TABLE `funding_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`plan` text NOT NULL,
	`variance_tables` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funding_plans_name_uq` ON `funding_plans` (`organisation_id`,`name`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `recommendation_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`recommendation_id` text NOT NULL,
	`date` text NOT NULL,
	`note` text NOT NULL,
	`status` text NOT NULL,
	`by_user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`recommendation_id`) REFERENCES `recommendations`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recommendation_updates_recommendation_idx` ON `recommendation_updates` (`recommendation_id`);--> statement-breakpoint
CREATE TABLE `recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`reference` text NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`owner` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_reference_uq` ON `recommendations` (`organisation_id`,`source`,`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `recommendations_tenant_uq` ON `recommendations` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_uq` ON `departments` (`organisation_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `departments_tenant_uq` ON `departments` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`employee_number` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`job_title` text NOT NULL,
	`department_id` text NOT NULL,
	`manager_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`department_id`) REFERENCES `departments`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`manager_id`) REFERENCES `staff`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_employee_number_uq` ON `staff` (`organisation_id`,`employee_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `staff_tenant_uq` ON `staff` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `staff_department_idx` ON `staff` (`organisation_id`,`department_id`);--> statement-breakpoint
CREATE INDEX `staff_manager_idx` ON `staff` (`organisation_id`,`manager_id`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`level` integer NOT NULL,
	`refresher_interval_months` integer,
	`description` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `courses_title_uq` ON `courses` (`organisation_id`,`title`);--> statement-breakpoint
CREATE UNIQUE INDEX `courses_tenant_uq` ON `courses` (`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `nomination_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` text NOT NULL,
	`nomination_id` text NOT NULL,
	`state` text NOT NULL,
	`at` text NOT NULL,
	`by_user_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nominations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `nomination_events_nomination_idx` ON `nomination_events` (`nomination_id`);--> statement-breakpoint
CREATE TABLE `nominations` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`session_id` text NOT NULL,
	`nominated_by` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`mandatory` integer DEFAULT false NOT NULL,
	`state` text NOT NULL,
	`state_changed_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`staff_id`) REFERENCES `staff`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`session_id`) REFERENCES `training_sessions`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_staff_session_uq` ON `nominations` (`organisation_id`,`session_id`,`staff_id`);--> statement-breakpoint
CREATE INDEX `nominations_session_state_idx` ON `nominations` (`organisation_id`,`session_id`,`state`);--> statement-breakpoint
CREATE INDEX `nominations_staff_idx` ON `nominations` (`organisation_id`,`staff_id`);--> statement-breakpoint
CREATE INDEX `nominations_state_idx` ON `nominations` (`organisation_id`,`state`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`course_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`capacity` integer NOT NULL,
	`location` text NOT NULL,
	`trainer` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`,`course_id`) REFERENCES `courses`(`organisation_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_sessions_tenant_uq` ON `training_sessions` (`organisation_id`,`id`);--> statement-breakpoint
CREATE INDEX `training_sessions_starts_idx` ON `training_sessions` (`organisation_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `training_sessions_course_idx` ON `training_sessions` (`organisation_id`,`course_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`staff_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_organisation_idx` ON `users` (`organisation_id`);