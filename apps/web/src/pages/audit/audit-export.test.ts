import { describe, expect, it } from "vitest";

import { exportUrl } from "../../components/download-link";
import { exportFilters } from "./audit-page";

describe("audit export links", () => {
  it("carry the list's filters and leave out empty ones and paging", () => {
    const query = exportFilters({
      userId: "u-1",
      action: "",
      entity: "session",
      from: "2026-04-01",
      to: "",
    });
    expect(exportUrl("audit", "csv", query)).toBe(
      "/api/export/audit.csv?userId=u-1&entity=session&from=2026-04-01",
    );
    expect(exportUrl("audit", "xlsx", query)).toBe(
      "/api/export/audit.xlsx?userId=u-1&entity=session&from=2026-04-01",
    );
  });

  it("have no query string when nothing is filtered", () => {
    expect(exportUrl("audit", "csv", exportFilters({}))).toBe("/api/export/audit.csv");
  });

  it("encode filter values so they cannot add parameters", () => {
    expect(exportUrl("audit", "csv", exportFilters({ action: "sign_in&userId=x" }))).toBe(
      "/api/export/audit.csv?action=sign_in%26userId%3Dx",
    );
  });
});
