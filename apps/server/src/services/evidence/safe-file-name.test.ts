import { describe, expect, test } from "vitest";

import { fileNameFromHeader, safeFileName } from "./safe-file-name";

describe("safeFileName", () => {
  test.each([
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\lee\\Desktop\\Case audit.xlsx", "Case audit.xlsx"],
    ["policy\u0000\u0007.pdf", "policy.pdf"],
    ["evil\u202efdp.exe", "evilfdp.exe"],
    ['what? "draft" <v2>.docx', "what_ _draft_ _v2_.docx"],
    ["  ..hidden.txt. ", "hidden.txt"],
    ["many    spaces\tand\ttabs.csv", "many spaces and tabs.csv"],
    ["..", "evidence"],
    ["", "evidence"],
    ["Résumé de politique.pdf", "Résumé de politique.pdf"],
  ])("%j becomes %j", (raw, safe) => {
    expect(safeFileName(raw)).toBe(safe);
  });

  test("shortens long names to 150 characters, keeping the extension", () => {
    const name = safeFileName(`${"a".repeat(300)}.pdf`);
    expect(name).toHaveLength(150);
    expect(name.endsWith("a.pdf")).toBe(true);
  });
});

describe("fileNameFromHeader", () => {
  test("decodes a URI-encoded name", () => {
    expect(fileNameFromHeader(encodeURIComponent("Politique «2021».pdf"))).toBe(
      "Politique «2021».pdf",
    );
  });

  test("refuses a missing or badly encoded name, naming the field", () => {
    for (const header of [undefined, " ", ["a", "b"], "%E0%A4%A"]) {
      expect(() => fileNameFromHeader(header)).toThrow(
        expect.objectContaining({ code: "bad_request", field: "fileName" }),
      );
    }
  });
});
