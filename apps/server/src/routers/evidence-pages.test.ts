import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";

import { evidenceStatusAsOf } from "@dapkit/daha";
import { EVIDENCE_STATUSES } from "@dapkit/schemas";

import { evidenceItems } from "../db/schema";
import { evidenceInput } from "../services/evidence/evidence-fixtures";
import { createTestApp, type TestApp, type TestOrganisation } from "../test/test-app";

let app: TestApp;
let org: TestOrganisation;

beforeEach(async () => {
  app = createTestApp();
  org = await app.createOrganisation("Northshire");
});

function lead() {
  return app.caller(org.users.accreditation_lead);
}

// Titles whose order depends on case being set aside: "beta" comes after "Alpha" and before "Gamma".
const WORDS = ["alpha", "Beta", "GAMMA", "delta", "Epsilon"];

async function addItems(count: number, areaId = "policies-and-procedures") {
  const added = [];
  for (let index = 0; index < count; index += 1) {
    const word = WORDS[index % WORDS.length] ?? "";
    added.push(
      await lead().evidence.create(
        evidenceInput({ title: `${word} ${String(index % 7)}`, areaId }),
      ),
    );
  }
  return added;
}

// The list's order: title with case set aside, then id.
function byTitle(a: { title: string; id: string }, b: { title: string; id: string }): number {
  const [left, right] = [a.title.toLowerCase(), b.title.toLowerCase()];
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

describe("evidence.list pages by key", () => {
  test("forward and back by position, in title order with case set aside, each item once", async () => {
    const added = await addItems(23);
    const expected = [...added].sort(byTitle).map((item) => item.id);
    const forward: string[] = [];
    let page = await lead().evidence.list({ pageSize: 5 });
    forward.push(...page.items.map((item) => item.id));
    for (let number = 2; page.next != null; number += 1) {
      page = await lead().evidence.list({ pageSize: 5, page: number, after: page.next });
      forward.push(...page.items.map((item) => item.id));
      expect(page.total).toBe(23);
    }
    expect(forward).toEqual(expected);
    // The last page, then back to the first by each page's `previous`.
    const backward: string[] = [...page.items.map((item) => item.id)];
    while (page.previous != null) {
      page = await lead().evidence.list({
        pageSize: 5,
        page: page.page - 1,
        before: page.previous,
      });
      backward.unshift(...page.items.map((item) => item.id));
    }
    expect(backward).toEqual(expected);
    expect(page.previous).toBeNull();
  });

  test("an item added before the position neither repeats a row nor skips one", async () => {
    await addItems(12);
    const first = await lead().evidence.list({ pageSize: 6 });
    await lead().evidence.create(evidenceInput({ title: "Aardvark policy" }));
    const second = await lead().evidence.list({ pageSize: 6, page: 2, after: first.next ?? "" });
    const all = await lead().evidence.list({ pageSize: 200 });
    const ids = all.items.map((item) => item.id);
    const lastOfFirst = first.items.at(-1)?.id ?? "";
    expect(second.items.map((item) => item.id)).toEqual(
      ids.slice(ids.indexOf(lastOfFirst) + 1, ids.indexOf(lastOfFirst) + 7),
    );
    expect(second.total).toBe(13);
  });

  test("one area's items only, paged, and a position that is not the list's is refused", async () => {
    await addItems(4);
    const inArea = await addItems(7, "safety-led-case-management");
    const page = await lead().evidence.list({ areaId: "safety-led-case-management", pageSize: 5 });
    expect(page.total).toBe(7);
    expect(page.items.map((item) => item.id)).toEqual(
      [...inArea]
        .sort(byTitle)
        .slice(0, 5)
        .map((item) => item.id),
    );
    await expect(lead().evidence.list({ after: "bm90LWEta2V5" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "after" },
    });
    await expect(lead().evidence.list({ pageSize: 500 as 200 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  test("finds words in the title, case aside, with LIKE's wildcards taken as typed", async () => {
    for (const title of ["Safety plan", "SAFETY audit", "Unsafe 100% claims", "Policy"]) {
      await lead().evidence.create(evidenceInput({ title }));
    }
    const titles = async (search: string) =>
      (await lead().evidence.list({ search })).items.map((item) => item.title);
    expect(await titles("  safety ")).toEqual(["SAFETY audit", "Safety plan"]);
    expect(await titles("safe")).toEqual(["SAFETY audit", "Safety plan", "Unsafe 100% claims"]);
    expect(await titles("100%")).toEqual(["Unsafe 100% claims"]);
    expect(await titles("%")).toEqual(["Unsafe 100% claims"]);
    expect(await titles("_")).toEqual([]);
    expect(await titles("")).toHaveLength(4);
    await expect(lead().evidence.list({ search: "x".repeat(201) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "search: must be at most 200 characters",
    });
  });

  test("filters by status exactly as evidenceStatusAsOf works it out, either side of expiry", async () => {
    // The test clock's day is 5 April 2022.
    const expiries = [null, "2022-04-04", "2022-04-05", "2022-04-06"];
    const stored = [];
    for (const status of EVIDENCE_STATUSES) {
      for (const expiryDate of expiries) {
        const item = await lead().evidence.create(
          evidenceInput({ title: `${status} ${expiryDate}` }),
        );
        app.db
          .update(evidenceItems)
          .set({ status, expiryDate })
          .where(eq(evidenceItems.id, item.id))
          .run();
        stored.push({ id: item.id, status, expiryDate });
      }
    }
    for (const status of EVIDENCE_STATUSES) {
      const expected = stored
        .filter((item) => evidenceStatusAsOf(item, "2022-04-05") === status)
        .map((item) => item.id)
        .sort();
      const page = await lead().evidence.list({ status, pageSize: 200 });
      expect(page.items.map((item) => item.id).sort(), status).toEqual(expected);
      expect(page.items.every((item) => item.status === status)).toBe(true);
      expect(page.total).toBe(expected.length);
    }
  });
});
