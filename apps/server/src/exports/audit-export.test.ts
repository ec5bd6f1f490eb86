import { describe, expect, test } from "vitest";

import { createContextInner } from "../context";
import { useTwoOrganisations } from "../test/two-organisations";
import { runExport } from "./run-export";

const t = useTwoOrganisations();

function exportAs(query: string, format: "csv" | "xlsx" = "csv") {
  const ctx = createContextInner(t.app.deps, {
    session: { id: "export-session", user: t.org.users.admin },
  });
  return runExport(ctx, { name: "audit", format, query: new URLSearchParams(query) });
}

describe("the audit log export", () => {
  test("holds only the entries the audit viewer's filters choose", async () => {
    const admin = t.app.caller(t.org.users.admin);
    await admin.users.update({ id: t.org.users.viewer.id, data: { name: "Vic Viewer" } });
    await admin.users.resetPassword({ id: t.org.users.hr.id });
    t.app.clock.now = new Date("2022-05-10T09:00:00.000Z");
    await admin.users.update({ id: t.org.users.viewer.id, data: { name: "Vic Later" } });

    const text = (file: { body: Uint8Array }) => Buffer.from(file.body).toString("utf8");
    const lines = (file: { body: Uint8Array }) => text(file).trim().split(/\r?\n/);
    const all = await exportAs("");
    expect(lines(all)).toHaveLength(4);
    const updates = await exportAs("action=update&to=2022-04-30");
    expect(lines(updates)).toHaveLength(2);
    expect(text(updates)).toContain("Vic Viewer");
    expect(text(updates)).not.toContain("Vic Later");
    expect(lines(await exportAs("action=reset_password"))[1]).toContain("reset_password");
    const workbook = await exportAs("from=2022-05-01", "xlsx");
    expect(workbook.fileName).toMatch(/^dapkit-audit-2022-05-10\.xlsx$/);
    // A filter that does not parse is refused, naming it, rather than ignored.
    await expect(exportAs("from=10 May")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Another organisation's person cannot be used to filter.
    await expect(exportAs(`userId=${t.other.users.admin.id}`)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
