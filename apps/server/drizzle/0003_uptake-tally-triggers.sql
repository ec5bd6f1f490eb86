-- nomination_tallies counts nominations by (organisation, department, manager, state) for the
-- uptake report. Triggers keep it exact whatever writes a nomination or moves a member of staff,
-- in the same transaction; rows that fall to zero stay, and the report skips them.
CREATE TRIGGER `nomination_tallies_insert` AFTER INSERT ON `nominations`
BEGIN
	INSERT INTO `nomination_tallies` (`organisation_id`, `department_id`, `manager_key`, `state`, `nominations`)
	SELECT NEW.`organisation_id`, s.`department_id`, coalesce(s.`manager_id`, ''), NEW.`state`, 1
	FROM `staff` s WHERE s.`organisation_id` = NEW.`organisation_id` AND s.`id` = NEW.`staff_id`
	ON CONFLICT (`organisation_id`, `department_id`, `manager_key`, `state`)
	DO UPDATE SET `nominations` = `nominations` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `nomination_tallies_delete` AFTER DELETE ON `nominations`
BEGIN
	UPDATE `nomination_tallies` SET `nominations` = `nominations` - 1
	WHERE `organisation_id` = OLD.`organisation_id` AND `state` = OLD.`state`
		AND (`department_id`, `manager_key`) = (
			SELECT s.`department_id`, coalesce(s.`manager_id`, '') FROM `staff` s
			WHERE s.`organisation_id` = OLD.`organisation_id` AND s.`id` = OLD.`staff_id`
		);
END;
--> statement-breakpoint
CREATE TRIGGER `nomination_tallies_state` AFTER UPDATE OF `state` ON `nominations`
WHEN OLD.`state` IS NOT NEW.`state`
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
--> statement-breakpoint
CREATE TRIGGER `nomination_tallies_staff_move` AFTER UPDATE OF `department_id`, `manager_id` ON `staff`
WHEN OLD.`department_id` IS NOT NEW.`department_id` OR OLD.`manager_id` IS NOT NEW.`manager_id`
BEGIN
	UPDATE `nomination_tallies` SET `nominations` = `nominations` - (
		SELECT count(*) FROM `nominations` n
		WHERE n.`organisation_id` = OLD.`organisation_id` AND n.`staff_id` = OLD.`id`
			AND n.`state` = `nomination_tallies`.`state`
	)
	WHERE `organisation_id` = OLD.`organisation_id` AND `department_id` = OLD.`department_id`
		AND `manager_key` = coalesce(OLD.`manager_id`, '');
	INSERT INTO `nomination_tallies` (`organisation_id`, `department_id`, `manager_key`, `state`, `nominations`)
	SELECT NEW.`organisation_id`, NEW.`department_id`, coalesce(NEW.`manager_id`, ''), n.`state`, count(*)
	FROM `nominations` n WHERE n.`organisation_id` = NEW.`organisation_id` AND n.`staff_id` = NEW.`id`
	GROUP BY n.`state`
	ON CONFLICT (`organisation_id`, `department_id`, `manager_key`, `state`)
	DO UPDATE SET `nominations` = `nominations` + excluded.`nominations`;
END;
--> statement-breakpoint
-- Counts for the nominations already recorded.
INSERT INTO `nomination_tallies` (`organisation_id`, `department_id`, `manager_key`, `state`, `nominations`)
SELECT n.`organisation_id`, s.`department_id`, coalesce(s.`manager_id`, ''), n.`state`, count(*)
FROM `nominations` n
JOIN `staff` s ON s.`organisation_id` = n.`organisation_id` AND s.`id` = n.`staff_id`
WHERE true
GROUP BY n.`organisation_id`, s.`department_id`, coalesce(s.`manager_id`, ''), n.`state`;
