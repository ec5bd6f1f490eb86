-- History tables are append-only: the database itself refuses to change or remove a row.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log`
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: DELETE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `nomination_events_no_update` BEFORE UPDATE ON `nomination_events`
BEGIN
	SELECT RAISE(ABORT, 'nomination_events is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `nomination_events_no_delete` BEFORE DELETE ON `nomination_events`
BEGIN
	SELECT RAISE(ABORT, 'nomination_events is append-only: DELETE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_events_no_update` BEFORE UPDATE ON `evidence_events`
BEGIN
	SELECT RAISE(ABORT, 'evidence_events is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_events_no_delete` BEFORE DELETE ON `evidence_events`
BEGIN
	SELECT RAISE(ABORT, 'evidence_events is append-only: DELETE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_revisions_no_update` BEFORE UPDATE ON `evidence_revisions`
BEGIN
	SELECT RAISE(ABORT, 'evidence_revisions is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_revisions_no_delete` BEFORE DELETE ON `evidence_revisions`
BEGIN
	SELECT RAISE(ABORT, 'evidence_revisions is append-only: DELETE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_updates_no_update` BEFORE UPDATE ON `recommendation_updates`
BEGIN
	SELECT RAISE(ABORT, 'recommendation_updates is append-only: UPDATE is not allowed');
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_updates_no_delete` BEFORE DELETE ON `recommendation_updates`
BEGIN
	SELECT RAISE(ABORT, 'recommendation_updates is append-only: DELETE is not allowed');
END;
