import { SECTORS } from "@dapkit/schemas";
import { expect, test } from "vitest";

import { SECTOR_LABELS } from "./sector-words";

test("every sector has words, in the sectors' order", () => {
  expect(Object.keys(SECTOR_LABELS)).toEqual([...SECTORS]);
  expect(SECTOR_LABELS.criminal_justice).toBe("Criminal justice");
});
