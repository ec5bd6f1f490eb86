import { count } from "drizzle-orm";
import { describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import { fieldOf, messageOf, post, serveAttackTarget } from "./attack-target";

// Input a security review got through: an email of megabytes written whole into the append-only
// log, dates in the year 10000 that escape every filter, and names with bidirectional overrides
// that make text on screen say something else. Each is sent over HTTP and must be refused, naming
// the field, with nothing stored.

const target = serveAttackTarget({ trustProxy: false });

function auditRows(): number {
  return target.app.db.select({ rows: count() }).from(auditLog).get()?.rows ?? 0;
}

function as(role: "accreditation_lead" | "hr", path: string, body: unknown) {
  return post(target.baseUrl, {
    path,
    body,
    headers: { cookie: target.cookieOf(target.org.users[role]) },
  });
}

describe("an anonymous sign-in cannot grow the audit log at will", () => {
  test("a 5 MB email, or one of 255 characters, is refused before anything is recorded", async () => {
    const before = auditRows();
    for (const email of [
      `${"a".repeat(5 * 1024 * 1024)}@x.example`,
      `${"a".repeat(245)}@x.example`,
    ]) {
      const answer = await post(target.baseUrl, {
        path: "auth.signIn",
        body: { email, password: "a guess at it" },
      });
      expect(answer.status).toBe(400);
      expect(fieldOf(answer.body)).toBe("email");
      expect(messageOf(answer.body)).toContain("must be at most 254 characters");
      expect(JSON.stringify(answer.body).length).toBeLessThan(2000);
    }
    expect(auditRows()).toBe(before);
  });
});

describe("dates stay between 1900 and 2200", () => {
  test("a session in the year 10000 (9999-12-31 at UTC-14) is refused, naming the field", async () => {
    const course = await as("hr", "training.courses.create", { title: "Awareness", level: 1 });
    expect(course.status).toBe(200);
    const courseId = (course.body as { result: { data: { id: string } } }).result.data.id;
    const session = {
      courseId,
      startsAt: "2022-05-01T09:30:00Z",
      endsAt: "2022-05-01T12:30:00Z",
      capacity: 12,
      location: "Town Hall",
      trainer: "Alex Trainer",
    };
    const far = await as("hr", "training.sessions.create", {
      ...session,
      endsAt: "9999-12-31T23:00:00-14:00",
    });
    expect(far.status).toBe(400);
    expect(fieldOf(far.body)).toBe("endsAt");
    expect(messageOf(far.body)).toContain("must be between 1900 and 2200");
    expect((await as("hr", "training.sessions.create", session)).status).toBe(200);
  });

  test("an evidence item dated 1066 is refused, naming the field", async () => {
    const answer = await as(
      "accreditation_lead",
      "evidence.create",
      evidenceInput({ effectiveDate: "1066-10-14" }),
    );
    expect(answer.status).toBe(400);
    expect(fieldOf(answer.body)).toBe("effectiveDate");
  });
});

describe("names and titles cannot carry hidden control characters", () => {
  test.each([
    ["a right-to-left override", "Policy \u202Efdp.exe"],
    ["a left-to-right isolate", "Policy \u2066v2"],
    ["a zero-width space", "Pol\u200Bicy"],
    ["a bell", "Policy\u0007"],
    ["a line break", "Policy\nApproved"],
  ])("a title with %s is refused, naming the field", async (_, title) => {
    const before = auditRows();
    const answer = await as("accreditation_lead", "evidence.create", evidenceInput({ title }));
    expect(answer.status).toBe(400);
    expect(fieldOf(answer.body)).toBe("title");
    expect(messageOf(answer.body)).toContain(
      "must not contain control characters or hidden text-direction marks",
    );
    expect(auditRows()).toBe(before);
  });

  test("a note may have lines but not a direction override; other scripts are kept", async () => {
    const course = (description: string) =>
      as("hr", "training.courses.create", { title: "Awareness (دورة)", level: 1, description });
    expect((await course("Line one\nLine two\twith a tab")).status).toBe(200);
    const spoofed = await course("Approved \u202Edenied");
    expect(spoofed.status).toBe(400);
    expect(fieldOf(spoofed.body)).toBe("description");
  });
});
