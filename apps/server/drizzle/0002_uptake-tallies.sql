CREATE TABLE `nomination_tallies` (
	`organisation_id` text NOT NULL,
	`department_id` text NOT NULL,
	`manager_key` text NOT NULL,
	`state` text NOT NULL,
	`nominations` integer NOT NULL,
	PRIMARY KEY(`organisation_id`, `department_id`, `manager_key`, `state`)
);
