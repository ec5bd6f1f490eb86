import { afterEach, describe, expect, test } from "vitest";

import { financialYearOf } from "./financial-year";

// Node reads the machine's zone from TZ whenever it changes, so one file can play several machines.
const machineZone = process.env.TZ;

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

function onMachineIn(timeZone: string): Record<string, string> {
  process.env.TZ = timeZone;
  return {
    local: financialYearOf(new Date(2016, 3, 1)).label,
    instant: financialYearOf(new Date("2016-04-01T00:00:00+01:00")).label,
    text: financialYearOf("2016-04-01").label,
  };
}

describe("a UK date gives its UK financial year on any machine", () => {
  test("in Europe/London, local midnight on 1 April 2016 is in 2016/17", () => {
    expect(onMachineIn("Europe/London")).toEqual({
      local: "2016/17",
      instant: "2016/17",
      text: "2016/17",
    });
  });

  test("in Pacific/Auckland, the same London instant and calendar date give the same year", () => {
    // Auckland's own midnight on 1 April is still the morning of 31 March in London.
    expect(onMachineIn("Pacific/Auckland")).toEqual({
      local: "2015/16",
      instant: "2016/17",
      text: "2016/17",
    });
    expect(new Date(2016, 3, 1).getTimezoneOffset()).toBe(-780); // the zone really changed
  });
});
