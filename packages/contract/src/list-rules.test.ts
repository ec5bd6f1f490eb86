import { describe, expect, test } from "vitest";

import { UpdateActionInputSchema } from "./action-plan";
import { CommitteePaperDraftSchema } from "./committee-papers";
import { CheckTableInputSchema } from "./funding";
import { ListMessagesInputSchema, UpdateMessageSettingsInputSchema } from "./messages";
import { DeclineRequestInputSchema } from "./my-training";
import { UpdateRecommendationInputSchema } from "./recommendations";
import { schemaProblems as problems } from "./test/schema-problems";

const ID = "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b";
const OTHER = "0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6c";

describe("rules on lists and pairs that the inputs' shapes cannot say", () => {
  test("an action lists each evidence item once", () => {
    const twice = { id: ID, data: { evidenceIds: [ID, ID] } };
    expect(problems(UpdateActionInputSchema, twice)).toEqual({
      "data.evidenceIds": "must not list an evidence item twice",
    });
    expect(
      problems(UpdateActionInputSchema, { id: ID, data: { evidenceIds: [ID, OTHER] } }),
    ).toEqual({});
  });

  test("a recommendation lists each DAHA area once", () => {
    expect(
      problems(UpdateRecommendationInputSchema, { id: ID, data: { areaIds: [ID, ID] } }),
    ).toEqual({ "data.areaIds": "must not list an area twice" });
    expect(
      problems(UpdateRecommendationInputSchema, { id: ID, data: { areaIds: [ID, OTHER] } }),
    ).toEqual({});
  });

  test("a committee paper includes each section once", () => {
    const sections = CommitteePaperDraftSchema.shape.sections;
    const once = [{ key: "introduction", narrative: [] }];
    expect(sections.safeParse(once).success).toBe(true);
    expect(problems(sections, [...once, ...once])).toEqual({
      "": "must not include a section twice",
    });
  });

  test("a pasted table must hold something besides spaces", () => {
    expect(problems(CheckTableInputSchema, { format: "text", text: " \n\t" })).toEqual({
      text: "must not be empty: paste a table or choose a file",
    });
    expect(problems(CheckTableInputSchema, { format: "text", text: "Total,1" })).toEqual({});
  });

  test("reminder days do not repeat, and a message list is one session's or one person's", () => {
    expect(problems(UpdateMessageSettingsInputSchema, { reminderDays: [7, 7] })).toEqual({
      reminderDays: "must not repeat a day",
    });
    expect(problems(UpdateMessageSettingsInputSchema, { reminderDays: [7, 1] })).toEqual({});
    const neither = problems(ListMessagesInputSchema, {});
    const both = problems(ListMessagesInputSchema, { sessionId: ID, staffId: OTHER });
    expect(neither).toEqual({ sessionId: "give a sessionId or a staffId" });
    expect(both).toEqual(neither);
    expect(problems(ListMessagesInputSchema, { staffId: OTHER })).toEqual({});
  });

  test("declining a request needs the reason the person is told", () => {
    expect(problems(DeclineRequestInputSchema, { id: ID })).toEqual({
      note: "Enter the reason for declining",
    });
    expect(problems(DeclineRequestInputSchema, { id: ID, note: "Full this quarter" })).toEqual({});
  });
});
