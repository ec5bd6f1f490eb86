import { expect, test } from "vitest";
import { FundingInputError } from "./errors";

test("a FundingInputError carries its name, code, field and issues", () => {
  const error = new FundingInputError("invalid_plan", "The funding plan is not valid", {
    field: "costs",
    issues: ["costs.0.amountPence: must not be negative"],
  });
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("FundingInputError");
  expect(error.code).toBe("invalid_plan");
  expect(error.field).toBe("costs");
  expect(error.issues).toEqual(["costs.0.amountPence: must not be negative"]);
  expect(error.message).toBe("The funding plan is not valid");
  expect(error.cause).toBeUndefined();
  expect(String(error)).toBe("FundingInputError: The funding plan is not valid");
});

test("a FundingInputError without details has no field, no issues and keeps any cause", () => {
  const plain = new FundingInputError("invalid_money", "bad");
  expect(plain.field).toBeUndefined();
  expect(plain.issues).toEqual([]);
  const cause = new RangeError("underlying");
  expect(new FundingInputError("invalid_argument", "bad", { cause }).cause).toBe(cause);
});
