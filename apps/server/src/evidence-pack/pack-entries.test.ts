import { describe, expect, test } from "vitest";

import { buildPackEntries, type PackItem } from "./pack-entries";

function item(id: string, areaId: string, fileName: string | null): PackItem {
  return {
    id,
    areaId,
    latestRevision:
      fileName == null
        ? null
        : { fileName, sha256: `sha-${id}`, mediaType: "application/pdf", sizeBytes: 10 },
  };
}

describe("buildPackEntries", () => {
  test("lists the index and CSV first, then each newest file under its area", () => {
    expect(
      buildPackEntries([
        item("a", "partnerships", "protocol.pdf"),
        item("b", "partnerships", null),
      ]),
    ).toEqual([
      { kind: "index", path: "index.html" },
      { kind: "csv", path: "evidence.csv" },
      {
        kind: "file",
        path: "files/partnerships/protocol.pdf",
        itemId: "a",
        sha256: "sha-a",
        mediaType: "application/pdf",
        sizeBytes: 10,
      },
    ]);
  });

  test("starts the name of a file that is not approved with the mark", () => {
    const paths = buildPackEntries(
      [item("a", "partnerships", "protocol.pdf"), item("b", "partnerships", "plan.pdf")],
      new Set(["b"]),
    ).map((entry) => entry.path);
    expect(paths.slice(2)).toEqual([
      "files/partnerships/protocol.pdf",
      "files/partnerships/Not approved - plan.pdf",
    ]);
  });

  test("keeps names that clash within a folder apart, ignoring case, but not across folders", () => {
    const paths = buildPackEntries([
      item("a", "partnerships", "policy.pdf"),
      item("b", "partnerships", "Policy.pdf"),
      item("c", "partnerships", "policy (2).pdf"),
      item("d", "staff-development", "policy.pdf"),
      item("e", "partnerships", "README"),
      item("f", "partnerships", "readme"),
    ]).map((entry) => entry.path);
    expect(paths.slice(2)).toEqual([
      "files/partnerships/policy.pdf",
      "files/partnerships/Policy (2).pdf",
      "files/partnerships/policy (2) (2).pdf",
      "files/staff-development/policy.pdf",
      "files/partnerships/README",
      "files/partnerships/readme (2)",
    ]);
  });

  test("never lets a stored name or area id climb out of its folder", () => {
    const [, , file] = buildPackEntries([item("a", "../..", "../../etc/passwd")]);
    expect(file?.path).toBe("files/evidence/passwd");
  });
});
