// Test fixtures for the evidence tests: an item, an uploaded file and a set of nominations.
import { Readable } from "node:stream";

import type { NominationState } from "@dapkit/schemas";

import type { SessionUser } from "../../auth/session-user";
import { newId } from "../../db/ids";
import { courses, departments, nominations, staff, trainingSessions } from "../../db/schema";
import type { TestApp } from "../../test/test-app";
import { addEvidenceRevision } from "./add-evidence-revision";

/** A valid new evidence item; override any field. */
export function evidenceInput(overrides: Record<string, unknown> = {}) {
  return {
    areaId: "policies-and-procedures",
    title: "Resident domestic abuse policy",
    kind: "policy" as const,
    owner: "Head of Housing Needs",
    effectiveDate: "2021-04-01",
    reviewDate: "2024-04-01",
    expiryDate: "2025-03-31",
    ...overrides,
  };
}

/** A small file that starts like a PDF. */
export const PDF_BYTES = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

/** Uploads a file straight through the service (the HTTP route has its own tests). */
export function uploadFile(
  app: TestApp,
  options: { user: SessionUser; evidenceId: string; name?: string; type?: string; body?: Buffer },
) {
  return addEvidenceRevision(
    { db: app.db, user: options.user, now: app.clock.now, files: app.deps.files },
    {
      evidenceId: options.evidenceId,
      body: Readable.from([options.body ?? PDF_BYTES]),
      headers: {
        "content-type": options.type ?? "application/pdf",
        "x-file-name": encodeURIComponent(options.name ?? "policy.pdf"),
      },
    },
  );
}

/** Adds one nomination per state listed, for staff of a new department on one session. */
export function seedNominations(
  app: TestApp,
  options: { organisationId: string; nominatedBy: string; states: readonly NominationState[] },
): void {
  const { organisationId, nominatedBy, states } = options;
  const at = app.clock.now.toISOString();
  const departmentId = newId();
  const courseId = newId();
  const sessionId = newId();
  app.db
    .insert(departments)
    .values({ id: departmentId, organisationId, name: "Housing", createdAt: at })
    .run();
  app.db
    .insert(courses)
    .values({ id: courseId, organisationId, title: "DA awareness", level: 1, createdAt: at })
    .run();
  app.db
    .insert(trainingSessions)
    .values({
      id: sessionId,
      organisationId,
      courseId,
      startsAt: at,
      endsAt: at,
      capacity: 1000,
      location: "Town Hall",
      trainer: "Trainer",
      createdAt: at,
    })
    .run();
  states.forEach((state, index) => {
    const staffId = newId();
    app.db
      .insert(staff)
      .values({
        id: staffId,
        organisationId,
        employeeNumber: `E${String(index)}`,
        name: `Staff ${String(index)}`,
        jobTitle: "Housing officer",
        departmentId,
        createdAt: at,
        updatedAt: at,
      })
      .run();
    app.db
      .insert(nominations)
      .values({
        id: newId(),
        organisationId,
        staffId,
        sessionId,
        nominatedBy,
        state,
        stateChangedAt: at,
        createdAt: at,
      })
      .run();
  });
}
