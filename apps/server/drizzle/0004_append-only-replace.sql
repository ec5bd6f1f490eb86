-- REPLACE removes a clashing row without firing delete triggers (recursive_triggers is off), so
-- INSERT OR REPLACE could overwrite history past 0001's triggers: an insert may not reuse an id.
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: a row cannot be written over');
END;
--> statement-breakpoint
CREATE TRIGGER `nomination_events_no_replace` BEFORE INSERT ON `nomination_events`
WHEN EXISTS (SELECT 1 FROM `nomination_events` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'nomination_events is append-only: a row cannot be written over');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_events_no_replace` BEFORE INSERT ON `evidence_events`
WHEN EXISTS (SELECT 1 FROM `evidence_events` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'evidence_events is append-only: a row cannot be written over');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_revisions_no_replace` BEFORE INSERT ON `evidence_revisions`
WHEN EXISTS (SELECT 1 FROM `evidence_revisions` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'evidence_revisions is append-only: a row cannot be written over');
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_updates_no_replace` BEFORE INSERT ON `recommendation_updates`
WHEN EXISTS (SELECT 1 FROM `recommendation_updates` WHERE `id` = NEW.`id`)
BEGIN
	SELECT RAISE(ABORT, 'recommendation_updates is append-only: a row cannot be written over');
END;
