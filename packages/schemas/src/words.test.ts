import { expect, test } from "vitest";

import { RECOMMENDATION_STATUSES } from "./recommendation";
import { RECOMMENDATION_STATUS_LABELS } from "./recommendation-words";

test("every recommendation status has words, listed in the statuses' order", () => {
  expect(Object.keys(RECOMMENDATION_STATUS_LABELS)).toEqual([...RECOMMENDATION_STATUSES]);
  expect(RECOMMENDATION_STATUS_LABELS.not_agreed).toBe("Not agreed");
});
