import { expect, test } from "vitest";

import { contract } from "@dapkit/contract";

import { settingsInput, wholeNumber } from "./settings-page";

const typed = {
  name: "Oxford City Council",
  dahaFrameworkId: "daha-2022",
  attendanceTargetPercent: " 85 ",
  defaultRefresherMonths: "",
  evidenceReviewMonths: "12",
  passwordSignInAllowed: "yes",
  separateEvidenceApproval: "no",
  maxEvidenceFileMegabytes: "10",
};

test("the form's text becomes the update the server takes; an empty refresher is none", () => {
  const input = settingsInput(typed);
  expect(input).toEqual({
    name: "Oxford City Council",
    dahaFrameworkId: "daha-2022",
    attendanceTargetPercent: 85,
    defaultRefresherMonths: null,
    evidenceReviewMonths: 12,
    passwordSignInAllowed: true,
    separateEvidenceApproval: false,
    maxEvidenceFileMegabytes: 10,
  });
  expect(contract.organisation.settings.update.input.safeParse(input).success).toBe(true);
});

test("a number that is not whole, or not digits, is refused by the schema rather than rounded", () => {
  expect(wholeNumber("12")).toBe(12);
  for (const bad of ["1.5", "ten", "-3", "", "1e3"]) expect(wholeNumber(bad)).toBeNaN();
  const input = settingsInput({
    ...typed,
    attendanceTargetPercent: "101",
    evidenceReviewMonths: "x",
    maxEvidenceFileMegabytes: "25",
  });
  const result = contract.organisation.settings.update.input.safeParse(input);
  expect(result.success).toBe(false);
  expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
    "attendanceTargetPercent",
    "evidenceReviewMonths",
    "maxEvidenceFileMegabytes",
  ]);
});
