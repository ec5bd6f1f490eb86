import { desc } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
import { evidenceInput, uploadFile } from "../services/evidence/evidence-fixtures";
import { TEST_PASSWORD } from "../test/test-app";
import { serveAttackTarget, signInFrom } from "./attack-target";

// A security review found that reading sensitive data left no trace: downloading an evidence file,
// the evidence pack or an export added no audit row, and sign-ins did not say where they came
// from. Each read here is made over HTTP from a known address behind the trusted proxy, and must
// show in the log, and in the audit export, with who, which organisation, what, when and where.

const target = serveAttackTarget({ trustProxy: true });
const FROM = "203.0.113.9";
let revisionId: string;

beforeAll(async () => {
  const lead = target.org.users.accreditation_lead;
  const item = await target.app.caller(lead).evidence.create(evidenceInput());
  revisionId = (await uploadFile(target.app, { user: lead, evidenceId: item.id })).id;
});

function lastEntry() {
  return target.app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
}

async function download(path: string) {
  const user = target.org.users.accreditation_lead;
  const response = await fetch(`${target.baseUrl}${path}`, {
    headers: { cookie: target.cookieOf(user), "x-forwarded-for": FROM },
  });
  await response.arrayBuffer();
  return { status: response.status, user };
}

describe("reads of sensitive data are audited", () => {
  test.each([
    ["an evidence file", () => `/api/evidence/revisions/${revisionId}/file`, "evidence_file"],
    ["the evidence pack", () => "/api/evidence/pack.zip", "evidence_pack"],
    ["an export", () => "/api/export/evidence.csv", "export"],
  ])("downloading %s records who, where from, what and when", async (_, path, entity) => {
    const { status, user } = await download(path());
    expect(status).toBe(200);
    expect(lastEntry()).toMatchObject({
      organisationId: user.organisationId,
      userId: user.id,
      action: "read",
      entity,
      source: FROM,
      at: target.app.clock.now.toISOString(),
    });
  });

  test("the file read is named; a refused download records no read", async () => {
    await download(`/api/evidence/revisions/${revisionId}/file`);
    expect(lastEntry()?.entityId).toBe(revisionId);
    await download("/api/export/evidence.csv");
    expect(lastEntry()?.entityId).toBe("evidence.csv");
    const before = lastEntry()?.id;
    const missing = await download("/api/evidence/revisions/no-such-revision/file");
    expect(missing.status).toBe(404);
    expect(lastEntry()?.id).toBe(before);
  });

  test("sign-ins, failed and successful, carry the address they came from", async () => {
    const { email } = target.org.users.viewer;
    const failed = await signInFrom(target.baseUrl, FROM, { email, password: "wrong password" });
    expect(failed.status).toBe(401);
    expect(lastEntry()).toMatchObject({ action: "sign_in_failed", source: FROM });
    const signedIn = await signInFrom(target.baseUrl, FROM, { email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(lastEntry()).toMatchObject({
      action: "sign_in",
      userId: target.org.users.viewer.id,
      source: FROM,
    });
  });

  test("the audit export shows each read and the address it came from", async () => {
    await download("/api/evidence/pack.zip");
    const response = await fetch(`${target.baseUrl}/api/export/audit.csv`, {
      headers: { cookie: target.cookieOf(target.org.users.admin) },
    });
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    const header = lines[0]?.split(",") ?? [];
    expect(header).toContain("From address");
    const packRead = lines.find((line) => line.includes(",read,evidence_pack,"));
    expect(packRead?.split(",")[header.indexOf("From address")]).toBe(FROM);
    // The export of the audit log is itself a read, recorded once it is made.
    expect(lastEntry()).toMatchObject({ action: "read", entity: "export", source: "127.0.0.1" });
  });
});
