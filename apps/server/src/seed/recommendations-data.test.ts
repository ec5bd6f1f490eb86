import { describe, expect, test } from "vitest";

import { RecommendationSchema } from "@dapkit/schemas";

import { OXFORDSHIRE_REVIEW_SOURCE, oxfordshireRecommendations } from "./recommendations-data";

describe("the Oxfordshire review recommendations", () => {
  test("are the nine recommendations, numbered 1 to 9, each valid", () => {
    expect(oxfordshireRecommendations.map((rec) => rec.reference)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    for (const rec of oxfordshireRecommendations) {
      RecommendationSchema.parse({
        ...rec,
        id: `rec-${rec.reference}`,
        source: OXFORDSHIRE_REVIEW_SOURCE,
      });
    }
  });

  test("each status is the status of its latest update, and updates are in date order", () => {
    for (const rec of oxfordshireRecommendations) {
      const dates = rec.updates.map((update) => update.date);
      expect(dates).toEqual([...dates].sort());
      expect(rec.updates.at(-1)?.status ?? "not_started").toBe(rec.status);
    }
  });

  test("names no real people", () => {
    const text = JSON.stringify(oxfordshireRecommendations);
    for (const name of ["Carter", "Wright", "Upton"]) expect(text).not.toContain(name);
  });
});
