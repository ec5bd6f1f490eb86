import { describe, expect, test } from "vitest";

import { STAFF_COLUMNS } from "../services/imports/import-staff";
import { createAgency, createDepartment, createStaff, scopeAs } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const runAsPartnership = () =>
  t.app.caller(t.org.users.admin).partnership.settings.update({ runsAsPartnership: true });

const person = (departmentId: string) => ({
  employeeNumber: "P1",
  name: "Pip Person",
  jobTitle: "Officer",
  departmentId,
});

describe("every person's agency", () => {
  test("in a partnership a new person needs one of the organisation's current agencies", async () => {
    await runAsPartnership();
    const hr = t.app.caller(t.org.users.hr);
    const department = createDepartment(t.hr);
    const police = createAgency(t.hr, { name: "Northshire Police", kind: "police" });
    const archived = createAgency(t.hr, { name: "Old Trust" });
    await hr.partnership.agencies.archive({ id: archived.id });
    const theirs = createAgency(scopeAs(t.app, t.other.users.hr), { name: "Southshire Police" });
    await expect(hr.staff.create(person(department.id))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose the agency this person works for",
      cause: { field: "agencyId" },
    });
    for (const agencyId of [theirs.id, archived.id]) {
      await expect(hr.staff.create({ ...person(department.id), agencyId })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        cause: { field: "agencyId" },
      });
    }
    const created = await hr.staff.create({ ...person(department.id), agencyId: police.id });
    expect(created).toMatchObject({ agencyId: police.id, agencyName: "Northshire Police" });
  });

  test("outside a partnership the agency may be left out", async () => {
    const department = createDepartment(t.hr);
    const created = await t.app.caller(t.org.users.hr).staff.create(person(department.id));
    expect(created).toMatchObject({ agencyId: null, agencyName: null });
  });

  test("someone in an archived agency keeps it through other changes, and the list filters by agency", async () => {
    const hr = t.app.caller(t.org.users.hr);
    const trust = createAgency(t.hr, { name: "Northshire Trust", kind: "nhs_trust" });
    const council = createAgency(t.hr, { name: "Northshire Council" });
    const nurse = createStaff(t.hr, { name: "Nia Nurse", agencyId: trust.id });
    createStaff(t.hr, { name: "Cal Council", agencyId: council.id });
    await hr.partnership.agencies.archive({ id: trust.id });
    await runAsPartnership();
    await expect(
      hr.staff.update({ id: nurse.id, data: { jobTitle: "Senior nurse" } }),
    ).resolves.toMatchObject({ agencyId: trust.id, jobTitle: "Senior nurse" });
    const list = await hr.staff.list({ agencyId: council.id });
    expect(list.items.map((item) => item.name)).toEqual(["Cal Council"]);
  });
});

describe("the staff import's agency column", () => {
  const header = STAFF_COLUMNS.join(",");

  test("reads agencies by name in any case, and names each unknown, archived or missing one", async () => {
    await runAsPartnership();
    const hr = t.app.caller(t.org.users.hr);
    createAgency(t.hr, { name: "Northshire Police", kind: "police" });
    const old = createAgency(t.hr, { name: "Old Trust" });
    await hr.partnership.agencies.archive({ id: old.id });
    const csv = [
      header,
      "A1,Ann,,Officer,Housing,,yes,northshire police",
      "A2,Ben,,Officer,Housing,,yes,Northshire Fire",
      "A3,Cy,,Officer,Housing,,yes,Old Trust",
      "A4,Di,,Officer,Housing,,yes,",
    ].join("\n");
    const result = await hr.staff.importCsv({ csv, dryRun: true });
    expect(result.errors).toEqual([
      {
        line: 3,
        column: "agency",
        message: "No agency of your partnership is called Northshire Fire",
      },
      {
        line: 4,
        column: "agency",
        message: "Old Trust is archived, so nobody new can be put in it",
      },
      { line: 5, column: "agency", message: "Give the agency this person works for" },
    ]);
    const good = await hr.staff.importCsv({
      csv: csv.split("\n").slice(0, 2).join("\n"),
      dryRun: false,
    });
    expect(good.counts.created).toBe(1);
    const { items } = await hr.staff.list();
    expect(items[0]).toMatchObject({ name: "Ann", agencyName: "Northshire Police" });
  });

  test("a file without the column imports outside a partnership", async () => {
    const csv = `${STAFF_COLUMNS.filter((column) => column !== "agency").join(",")}\nA1,Ann,,Officer,Housing,,yes`;
    const result = await t.app.caller(t.org.users.hr).staff.importCsv({ csv, dryRun: false });
    expect(result).toMatchObject({ errors: [], counts: { created: 1 } });
  });
});

describe("an agency lead's account", () => {
  const lead = {
    email: "lee.lead@northshire.example",
    name: "Lee Lead",
    role: "agency_lead" as const,
  };

  test("needs one of the organisation's current agencies; no other role may have one", async () => {
    const admin = t.app.caller(t.org.users.admin);
    const police = createAgency(t.hr, { name: "Northshire Police", kind: "police" });
    const theirs = createAgency(scopeAs(t.app, t.other.users.hr), { name: "Southshire Police" });
    await expect(admin.users.invite(lead)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose the agency this agency lead acts for",
      cause: { field: "agencyId" },
    });
    await expect(admin.users.invite({ ...lead, agencyId: theirs.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "agencyId" },
    });
    await expect(
      admin.users.invite({ ...lead, role: "viewer", agencyId: police.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only an agency lead has an agency",
      cause: { field: "agencyId" },
    });
    const { user } = await admin.users.invite({ ...lead, agencyId: police.id });
    expect(user).toMatchObject({ role: "agency_lead", agencyId: police.id });
    await expect(admin.users.list()).resolves.toContainEqual(
      expect.objectContaining({ id: user.id, agencyId: police.id }),
    );
  });

  test("made another role, a lead loses their agency; made a lead again, they need one", async () => {
    const admin = t.app.caller(t.org.users.admin);
    const police = createAgency(t.hr, { name: "Northshire Police", kind: "police" });
    const { user } = await admin.users.invite({ ...lead, agencyId: police.id });
    await expect(
      admin.users.update({ id: user.id, data: { name: "Lee Lead-Smith" } }),
    ).resolves.toMatchObject({ agencyId: police.id });
    await expect(
      admin.users.update({ id: user.id, data: { role: "viewer" } }),
    ).resolves.toMatchObject({ role: "viewer", agencyId: null });
    await expect(
      admin.users.update({ id: user.id, data: { role: "agency_lead" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "agencyId" } });
    await expect(
      admin.users.update({ id: user.id, data: { role: "agency_lead", agencyId: police.id } }),
    ).resolves.toMatchObject({ role: "agency_lead", agencyId: police.id });
  });
});
