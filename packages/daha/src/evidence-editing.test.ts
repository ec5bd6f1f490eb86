import { EVIDENCE_STATUSES } from "@dapkit/schemas";
import { expect, test } from "vitest";

import { evidenceLockReason } from "./evidence-editing";

test("only a draft or a rejected item can be changed; the others say why not", () => {
  const editable = EVIDENCE_STATUSES.filter((status) => evidenceLockReason(status) == null);
  expect(editable).toEqual(["draft", "rejected"]);
  expect(evidenceLockReason("in_review")).toBe(
    "Evidence in review cannot be changed: withdraw it to draft first",
  );
});
