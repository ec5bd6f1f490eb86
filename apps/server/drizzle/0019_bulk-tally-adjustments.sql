CREATE TABLE `tally_deferrals` (
	`organisation_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- An import of 100,000 nominations spent most of its time in the tally trigger, once a row. While
-- an organisation has a row in tally_deferrals, the nomination triggers leave its counts to the
-- bulk write, which adjusts each (department, manager, state) once, in the same transaction, and
-- removes the row before it commits. Outside such a write the table is empty and nothing changes.
-- The triggers are recreated rather than the tables, so no data moves.
DROP TRIGGER `nomination_tallies_insert`;
--> statement-breakpoint
CREATE TRIGGER `nomination_tallies_insert` AFTER INSERT ON `nominations`
WHEN NOT EXISTS (SELECT 1 FROM `tally_deferrals` d WHERE d.`organisation_id` = NEW.`organisation_id`)
BEGIN
	INSERT INTO `nomination_tallies` (`organisation_id`, `department_id`, `manager_key`, `state`, `nominations`)
	SELECT NEW.`organisation_id`, s.`department_id`, coalesce(s.`manager_id`, ''), NEW.`state`, 1
	FROM `staff` s WHERE s.`organisation_id` = NEW.`organisation_id` AND s.`id` = NEW.`staff_id`
	ON CONFLICT (`organisation_id`, `department_id`, `manager_key`, `state`)
	DO UPDATE SET `nominations` = `nominations` + 1;
END;
--> statement-breakpoint
DROP TRIGGER `nomination_tallies_state`;
--> statement-breakpoint
CREATE TRIGGER `nomination_tallies_state` AFTER UPDATE OF `state` ON `nominations`
WHEN OLD.`state` IS NOT NEW.`state`
	AND NOT EXISTS (SELECT 1 FROM `tally_deferrals` d WHERE d.`organisation_id` = NEW.`organisation_id`)
BEGIN
	UPDATE `nomination_tallies` SET `nominations` = `nominations` - 1
	WHERE `organisation_id` = OLD.`organisation_id` AND `state` = OLD.`state`
		AND (`department_id`, `manager_key`) = (
			SELECT s.`department_id`, coalesce(s.`manager_id`, '') FROM `staff` s
			WHERE s.`organisation_id` = OLD.`organisation_id` AND s.`id` = OLD.`staff_id`
		);
	INSERT INTO `nomination_tallies` (`organisation_id`, `department_id`, `manager_key`, `state`, `nominations`)
	SELECT NEW.`organisation_id`, s.`department_id`, coalesce(s.`manager_id`, ''), NEW.`state`, 1
	FROM `staff` s WHERE s.`organisation_id` = NEW.`organisation_id` AND s.`id` = NEW.`staff_id`
	ON CONFLICT (`organisation_id`, `department_id`, `manager_key`, `state`)
	DO UPDATE SET `nominations` = `nominations` + 1;
END;
