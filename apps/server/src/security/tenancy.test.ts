import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { EXPORTS } from "../exports/registry";
import { callAs, ROUTE_REQUESTS, exportRequest, procedureTypes, sendAs } from "./http-calls";
import { PROCEDURE_INPUTS } from "./procedure-inputs";
import { idsOf, rowsOf } from "./security-world";
import { serveSecurityWorld } from "./served-world";

// Northshire's admin, the widest role, aims every procedure and route at Southshire's records
// (their ids in the input). Nothing of Southshire's may come back, and none of it may change.

const served = serveSecurityWorld();

/** Southshire's name or any id of theirs that the request did not itself carry. */
function leaks(text: string, request: string): string[] {
  const secrets = [served.world.b.name, ...idsOf(served.world.app, served.world.b.id)];
  return secrets.filter((secret) => text.includes(secret) && !request.includes(secret));
}

/** Southshire's rows, less the audit entries of failed sign-ins to their accounts (theirs to see). */
function southshireRows(): Record<string, unknown[]> {
  const rows = rowsOf(served.world.app, served.world.b.id);
  const audit = (rows.audit_log ?? []) as { action: string }[];
  return { ...rows, audit_log: audit.filter((row) => row.action !== "sign_in_failed") };
}

/** The text of a download: a ZIP (the pack, an XLSX workbook) is searched file by file. */
function downloadText(body: Uint8Array): string {
  const isZip = body[0] === 0x50 && body[1] === 0x4b;
  if (!isZip) return Buffer.from(body).toString("utf8");
  return Object.values(unzipSync(body))
    .map((file) => strFromU8(file))
    .join("\n");
}

describe("tenancy: one organisation gets nothing from another", () => {
  test("no procedure returns or changes anything of another organisation's", async () => {
    const before = southshireRows();
    const outcomes: Record<string, number> = {};
    for (const path of procedureTypes().keys()) {
      // Signing in with the other organisation's address but not their password gets nothing.
      const input =
        path === "auth.signIn"
          ? { email: served.world.b.users.admin.email, password: "a guess at the password" }
          : PROCEDURE_INPUTS[path]?.(served.world.b);
      const answer = await callAs(served.baseUrl, served.world.app, {
        user: served.world.a.users.admin,
        path,
        input,
      });
      expect(answer.status, `${path}: ${answer.text}`).toBeLessThan(500);
      expect(leaks(answer.text, JSON.stringify(input ?? null)), path).toEqual([]);
      outcomes[path] = answer.status;
    }
    expect(southshireRows()).toEqual(before);
    // Every procedure that names one of Southshire's records finds nothing there.
    const aimed = [...procedureTypes().keys()].filter((path) => {
      const input = JSON.stringify(PROCEDURE_INPUTS[path]?.(served.world.b) ?? null);
      return (
        path !== "auth.signIn" &&
        idsOf(served.world.app, served.world.b.id).some((id) => input.includes(id))
      );
    });
    expect(aimed.length).toBeGreaterThan(20);
    for (const path of aimed) {
      // Not found, or (for an id in a field, such as a new person's department) a bad request
      // naming the field. Imports report unknown ids as row errors (200, nothing written).
      const refusals = path.endsWith("Csv") ? [200] : [400, 404];
      expect(refusals, `${path}: ${String(outcomes[path])}`).toContain(outcomes[path]);
    }
  });

  test("no evidence route or export carries another organisation's records", async () => {
    const before = southshireRows();
    const user = served.world.a.users.admin;
    for (const [name, request] of Object.entries(ROUTE_REQUESTS)) {
      const answer = await sendAs(served.baseUrl, served.world.app, {
        user,
        request: request(served.world.b),
      });
      const aimed = request(served.world.b).path !== request(served.world.a).path;
      // A file or item of another organisation is simply not there.
      expect([name, answer.status]).toEqual([name, aimed ? 404 : 200]);
      expect(leaks(downloadText(answer.body), request(served.world.b).path), name).toEqual([]);
    }
    for (const definition of EXPORTS) {
      for (const format of ["csv", "xlsx"] as const) {
        if (format === "csv" && definition.sheets.length > 1) continue;
        const request = exportRequest(definition.name, format);
        const answer = await sendAs(served.baseUrl, served.world.app, { user, request });
        expect([definition.name, answer.status]).toEqual([definition.name, 200]);
        const text = downloadText(answer.body);
        // The organisation's own records are there, so an empty export cannot pass by accident.
        if (definition.name === "staff") expect(text).toContain("Northshire Report");
        expect(leaks(text, ""), `${definition.name}.${format}`).toEqual([]);
      }
    }
    expect(southshireRows()).toEqual(before);
  });
});
