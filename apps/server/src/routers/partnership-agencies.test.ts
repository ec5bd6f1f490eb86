import { describe, expect, test } from "vitest";

import { auditLog } from "../db/schema";
import { createAgency, createStaff, linkAgencyLead, scopeAs } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const world = useTwoOrganisations();

function auditOf(entity: string, entityId: string) {
  return world.app.db
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.entity === entity && row.entityId === entityId);
}

describe("partnership agencies", () => {
  test("HR adds, changes and archives an agency, each audited, with its people counted", async () => {
    const hr = world.app.caller(world.org.users.hr);
    const created = await hr.partnership.agencies.create({
      name: "Northshire Police",
      kind: "police",
    });
    expect(created).toMatchObject({ kind: "police", member: true, people: 0, archivedAt: null });
    createStaff(world.hr, { agencyId: created.id });
    createStaff(world.hr, { agencyId: created.id, active: false });
    const changed = await hr.partnership.agencies.update({
      id: created.id,
      data: { name: "Northshire Constabulary", member: false },
    });
    expect(changed).toMatchObject({ name: "Northshire Constabulary", member: false, people: 1 });
    const archived = await hr.partnership.agencies.archive({ id: created.id });
    expect(archived.archivedAt).toBe(world.app.clock.now.toISOString());
    expect(auditOf("agency", created.id).map((row) => row.action)).toEqual([
      "create",
      "update",
      "archive",
    ]);
    // Archived agencies leave the list unless asked for.
    await expect(hr.partnership.agencies.list()).resolves.toEqual([]);
    await expect(hr.partnership.agencies.list({ includeArchived: true })).resolves.toEqual([
      archived,
    ]);
  });

  test("refuses a second agency of the same name, and changes to an archived agency", async () => {
    const hr = world.app.caller(world.org.users.hr);
    const agency = createAgency(world.hr, { name: "Northshire NHS Trust", kind: "nhs_trust" });
    await expect(
      hr.partnership.agencies.create({ name: "Northshire NHS Trust", kind: "nhs_trust" }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "name" } });
    await hr.partnership.agencies.archive({ id: agency.id });
    await expect(hr.partnership.agencies.archive({ id: agency.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Northshire NHS Trust is already archived",
    });
    await expect(
      hr.partnership.agencies.update({ id: agency.id, data: { member: false } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("saving an agency unchanged is not audited", async () => {
    const agency = createAgency(world.hr);
    const hr = world.app.caller(world.org.users.hr);
    await expect(hr.partnership.agencies.update({ id: agency.id, data: {} })).resolves.toEqual(
      agency,
    );
    expect(auditOf("agency", agency.id).map((row) => row.action)).toEqual(["create"]);
  });

  test("an agency lead sees only their own agency; one with no agency sees none", async () => {
    const own = createAgency(world.hr, { name: "Northshire District Council" });
    createAgency(world.hr, { name: "Northshire Probation", kind: "probation" });
    const admin = scopeAs(world.app, world.org.users.admin);
    const lead = linkAgencyLead(admin, world.org.users.agency_lead, own.id);
    await expect(world.app.caller(lead).partnership.agencies.list()).resolves.toEqual([own]);
    await expect(
      world.app.caller(world.org.users.agency_lead).partnership.agencies.list(),
    ).resolves.toEqual([]);
    await expect(
      world.app.caller(world.org.users.viewer).partnership.agencies.list(),
    ).resolves.toHaveLength(2);
  });

  test("another organisation's agency is not found, and never listed", async () => {
    const theirs = createAgency(scopeAs(world.app, world.other.users.hr), { name: "Southshire" });
    const hr = world.app.caller(world.org.users.hr);
    await expect(hr.partnership.agencies.list({ includeArchived: true })).resolves.toEqual([]);
    await expect(
      hr.partnership.agencies.update({ id: theirs.id, data: { name: "Taken" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hr.partnership.agencies.archive({ id: theirs.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("only admins and HR manage agencies", async () => {
    for (const role of ["accreditation_lead", "manager", "agency_lead", "viewer"] as const) {
      await expect(
        world.app
          .caller(world.org.users[role])
          .partnership.agencies.create({ name: "Refused", kind: "other" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("the partnership switch", () => {
  test("an admin turns it on, audited once; everyone signed in can read it", async () => {
    const admin = world.app.caller(world.org.users.admin);
    await expect(admin.partnership.settings.get()).resolves.toEqual({ runsAsPartnership: false });
    await admin.partnership.settings.update({ runsAsPartnership: true });
    await admin.partnership.settings.update({ runsAsPartnership: true });
    await expect(
      world.app.caller(world.org.users.manager).partnership.settings.get(),
    ).resolves.toEqual({ runsAsPartnership: true });
    expect(auditOf("partnership_settings", world.org.id)).toMatchObject([
      { before: { runsAsPartnership: false }, after: { runsAsPartnership: true } },
    ]);
    // The other organisation is untouched.
    await expect(
      world.app.caller(world.other.users.admin).partnership.settings.get(),
    ).resolves.toEqual({ runsAsPartnership: false });
  });

  test("a viewer cannot change it", async () => {
    await expect(
      world.app
        .caller(world.org.users.viewer)
        .partnership.settings.update({ runsAsPartnership: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
