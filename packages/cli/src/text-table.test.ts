import { expect, test } from "vitest";

import { renderTable } from "./text-table";

test("aligns text left and money right, two spaces apart, with a rule under the header", () => {
  const table = renderTable({
    columns: [
      { title: "", align: "left" },
      { title: "2017/18", align: "right" },
    ],
    rows: [["Cost", "£335,000"], ["Gap", "£0"], ["Short row"]],
  });
  expect(table).toBe(
    [
      "            2017/18",
      "---------  --------",
      "Cost       £335,000",
      "Gap              £0",
      "Short row",
    ].join("\n"),
  );
});
