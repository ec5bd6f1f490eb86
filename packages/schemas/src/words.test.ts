import { expect, test } from "vitest";

import { RAG_RATINGS, RECOMMENDATION_STATUSES } from "./recommendation";
import { RAG_RATING_LABELS, RECOMMENDATION_STATUS_LABELS } from "./recommendation-words";

test("every recommendation status has words, listed in the statuses' order", () => {
  expect(Object.keys(RECOMMENDATION_STATUS_LABELS)).toEqual([...RECOMMENDATION_STATUSES]);
  expect(RECOMMENDATION_STATUS_LABELS.not_agreed).toBe("Not agreed");
});

test("every RAG rating has words, worst first", () => {
  expect(Object.keys(RAG_RATING_LABELS)).toEqual([...RAG_RATINGS]);
  expect(RAG_RATING_LABELS.amber).toBe("Amber");
});
