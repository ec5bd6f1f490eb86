import { defaultFramework, type DahaFramework } from "@dapkit/daha";

import type { Framework } from "@dapkit/schemas";

import { AppError } from "../../errors";
import type { Scope } from "../scope";

/**
 * The framework an organisation collects evidence against. Every organisation uses the default
 * (current) DAHA framework until organisations can choose one; callers go through here so that
 * change stays in one place.
 */
export function activeFramework(_organisationId: string): DahaFramework {
  return defaultFramework;
}

/** Refuses an area id that is not one of the framework's priority areas. */
export function assertAreaOf(framework: DahaFramework, areaId: string): void {
  if (!framework.areas.some((area) => area.id === areaId)) {
    throw new AppError("bad_request", "Choose one of the framework's priority areas", {
      field: "areaId",
    });
  }
}

/** The organisation's framework as the client sees it: id, version, name and areas in order. */
export function describeFramework(scope: Scope): Framework {
  const { id, version, name, areas } = activeFramework(scope.user.organisationId);
  return { id, version, name, areas: areas.map((area) => ({ ...area })) };
}
