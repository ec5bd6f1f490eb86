import { beforeEach } from "vitest";

import type { Scope } from "../services/scope";
import { scopeAs } from "./builders";
import { createTestApp, type TestApp, type TestOrganisation } from "./test-app";

/** A fresh tracker with two organisations (to prove neither sees the other) and HR's scope. */
export interface TwoOrganisations {
  app: TestApp;
  /** "Northshire", the organisation under test. */
  org: TestOrganisation;
  /** "Southshire", whose data the first must never see. */
  other: TestOrganisation;
  /** HR of `org`, for building data. */
  hr: Scope;
}

/** Builds a tracker with the organisations "Northshire" (`org`) and "Southshire" (`other`). */
export async function createTwoOrganisations(): Promise<TwoOrganisations> {
  const app = createTestApp();
  const org = await app.createOrganisation("Northshire");
  const other = await app.createOrganisation("Southshire");
  return { app, org, other, hr: scopeAs(app, org.users.hr) };
}

/**
 * A fresh `TwoOrganisations` before each test of the file or block that calls this; the object
 * returned is refilled each time, so tests read its fields when they run.
 */
export function useTwoOrganisations(): TwoOrganisations {
  const world = {} as TwoOrganisations;
  beforeEach(async () => {
    Object.assign(world, await createTwoOrganisations());
  });
  return world;
}

/** The roles that may read training but not change it. */
export const READ_ONLY_ROLES = ["accreditation_lead", "manager", "viewer"] as const;
