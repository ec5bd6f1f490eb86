-- department_tallies is nomination_tallies summed over managers. Every change to a tally row is
-- passed on by its difference, so whatever the nomination and staff triggers do, the two agree.
CREATE TRIGGER `department_tallies_insert` AFTER INSERT ON `nomination_tallies`
BEGIN
	INSERT INTO `department_tallies` (`organisation_id`, `department_id`, `state`, `nominations`)
	VALUES (NEW.`organisation_id`, NEW.`department_id`, NEW.`state`, NEW.`nominations`)
	ON CONFLICT (`organisation_id`, `department_id`, `state`)
	DO UPDATE SET `nominations` = `nominations` + excluded.`nominations`;
END;
--> statement-breakpoint
CREATE TRIGGER `department_tallies_update` AFTER UPDATE OF `nominations` ON `nomination_tallies`
BEGIN
	UPDATE `department_tallies` SET `nominations` = `nominations` + NEW.`nominations` - OLD.`nominations`
	WHERE `organisation_id` = NEW.`organisation_id` AND `department_id` = NEW.`department_id`
		AND `state` = NEW.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `department_tallies_delete` AFTER DELETE ON `nomination_tallies`
BEGIN
	UPDATE `department_tallies` SET `nominations` = `nominations` - OLD.`nominations`
	WHERE `organisation_id` = OLD.`organisation_id` AND `department_id` = OLD.`department_id`
		AND `state` = OLD.`state`;
END;
--> statement-breakpoint
-- Counts for the nominations already recorded.
INSERT INTO `department_tallies` (`organisation_id`, `department_id`, `state`, `nominations`)
SELECT `organisation_id`, `department_id`, `state`, sum(`nominations`)
FROM `nomination_tallies`
GROUP BY `organisation_id`, `department_id`, `state`;
