import { AppError } from "../../errors";
import { activeFramework } from "../evidence/active-framework";
import { isUniqueViolation } from "../sqlite-errors";

/** Refuses an area id that is not one of the organisation's framework's priority areas. */
export function assertAreaIds(organisationId: string, areaIds: readonly string[]): void {
  const { areas } = activeFramework(organisationId);
  const unknown = areaIds.find((areaId) => !areas.some((area) => area.id === areaId));
  if (unknown !== undefined) {
    throw new AppError("bad_request", `Choose the framework's priority areas (not ${unknown})`, {
      field: "areaIds",
    });
  }
}

/** A duplicate reference within one review, as the error people see; other errors unchanged. */
export function referenceConflict(error: unknown, reference: string | undefined): unknown {
  if (!isUniqueViolation(error)) return error;
  return new AppError(
    "conflict",
    `This review already has a recommendation with reference ${reference ?? ""}`,
    { field: "reference", cause: error },
  );
}
