import { describe, expect, test } from "vitest";

import { MAX_PAGE_SIZE } from "@dapkit/contract";

import { createStaff } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";
import { allPages } from "./define-export";

const t = useTwoOrganisations();

describe("an export reads a list whole", () => {
  test("someone added mid-export neither repeats a row nor pushes one out", async () => {
    const before = Array.from({ length: MAX_PAGE_SIZE + 20 }, () => createStaff(t.hr).id);
    const hr = t.app.caller(t.org.users.hr);
    let pages = 0;
    const exported = await allPages(async (page) => {
      const answer = await hr.staff.list(page);
      pages += 1;
      // Added once the first page is read, sorting onto it: counting pages again would push the
      // first page's last person onto the second, and export them twice.
      if (pages === 1) createStaff(t.hr, { name: "Aaron Added" });
      return answer;
    });
    const ids = exported.map((person) => person.id);
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...before].sort());
  });

  test("a list of one page is read once", async () => {
    createStaff(t.hr);
    const asked: unknown[] = [];
    const exported = await allPages((page) => {
      asked.push(page);
      return t.app.caller(t.org.users.hr).staff.list(page);
    });
    expect(exported).toHaveLength(1);
    expect(asked).toEqual([{ page: 1, pageSize: MAX_PAGE_SIZE }]);
  });
});
