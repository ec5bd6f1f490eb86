import { describe, expect, test } from "vitest";

import { createStaff } from "../test/builders";
import { useTwoOrganisations } from "../test/two-organisations";

const t = useTwoOrganisations();

const admin = () => t.app.caller(t.org.users.admin).users;
const password = "a long enough password";

describe("a new account is linked to the staff record with its email", () => {
  test("matched whatever the case, when the administrator chose no record", async () => {
    const person = createStaff(t.hr, { email: "Ana.Lee@northshire.example" });
    const created = await admin().create({
      email: "ana.lee@northshire.example",
      name: "Ana Lee",
      role: "viewer",
      password,
    });
    expect(created.staffId).toBe(person.id);
    const invited = await admin().invite({
      email: "bo.ward@northshire.example",
      name: "Bo Ward",
      role: "viewer",
    });
    expect(invited.user.staffId).toBeNull();
  });

  test("the record the administrator chose wins over a match", async () => {
    createStaff(t.hr, { email: "ana.lee@northshire.example" });
    const chosen = createStaff(t.hr, { name: "Chosen Record" });
    const created = await admin().create({
      email: "ana.lee@northshire.example",
      name: "Ana Lee",
      role: "viewer",
      password,
      staffId: chosen.id,
    });
    expect(created.staffId).toBe(chosen.id);
  });

  test("no link when two current records share the address, one has left, or it is another organisation's", async () => {
    createStaff(t.hr, { email: "shared@northshire.example" });
    createStaff(t.hr, { email: "shared@northshire.example" });
    createStaff(t.hr, { email: "left@northshire.example", active: false });
    const theirs = { ...t.hr, user: t.other.users.hr };
    createStaff(theirs, { email: "elsewhere@northshire.example" });
    for (const email of [
      "shared@northshire.example",
      "left@northshire.example",
      "elsewhere@northshire.example",
    ]) {
      const created = await admin().create({ email, name: "Some One", role: "viewer", password });
      expect(created.staffId, email).toBeNull();
    }
  });
});
