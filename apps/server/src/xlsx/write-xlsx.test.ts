import { strFromU8, unzipSync } from "fflate";
import { describe, expect, test } from "vitest";

import { columnName, writeXlsx, type XlsxSheet } from "./write-xlsx";

const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

/**
 * Fails unless `xml` is well-formed: the XML declaration, then one root element whose tags nest
 * and close in order, attributes quoted, `&` only in entities, `<` only in markup and no
 * characters XML 1.0 forbids. Small enough to read; enough for what the writer produces.
 */
function expectWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("\n") + 1);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  expect(body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|[^<]+/gy;
  const open: string[] = [];
  let consumed = 0;
  let roots = 0;
  for (const match of body.matchAll(token)) {
    consumed += match[0].length;
    const [whole, closing, name, attributes = "", selfClosing] = match;
    const text = name === undefined ? whole : attributes;
    for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) {
      ENTITY.lastIndex = at;
      expect(ENTITY.test(text), `bad entity in ${text}`).toBe(true);
    }
    if (name === undefined) {
      expect(open.length, `text outside the root: ${whole}`).toBeGreaterThan(0);
    } else if (closing === "/") {
      expect(open.pop(), `</${name}> closes the wrong element`).toBe(name);
    } else {
      if (open.length === 0) roots += 1;
      if (selfClosing !== "/") open.push(name);
    }
  }
  expect(consumed, "stray markup").toBe(body.length);
  expect(open).toEqual([]);
  expect(roots).toBe(1);
}

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
  );
}

/** The cells of a sheet by reference: numbers as numbers, inline strings unescaped. */
function cellsOf(sheetXml: string): Record<string, { value: string | number; style: string }> {
  const cells: Record<string, { value: string | number; style: string }> = {};
  const cell = /<c r="([A-Z]+\d+)"(?: s="(\d+)")?(?: t="inlineStr")?(?:\/>|>(.*?)<\/c>)/g;
  for (const [, ref = "", style = "0", inner = ""] of sheetXml.matchAll(cell)) {
    const number = /^<v>(.*)<\/v>$/.exec(inner);
    const text = /^<is><t xml:space="preserve">(.*)<\/t><\/is>$/s.exec(inner);
    const value =
      number != null
        ? Number(number[1])
        : (text?.[1] ?? "")
            .replaceAll("&lt;", "<")
            .replaceAll("&gt;", ">")
            .replaceAll("&quot;", '"')
            .replaceAll("&amp;", "&");
    cells[ref] = { value, style };
  }
  return cells;
}

const staff: XlsxSheet = {
  name: "Staff",
  header: ["Name", "Team", "Sessions", "Joined", "Note"],
  rows: [
    ["Siân O'Brien", "Children & Families", 3, new Date("2014-04-01T00:00:00Z"), "<b>bold</b>"],
    ['=HYPERLINK("http://evil")', "Housing", -2, null, "bell\u0007 and\u0000 nul"],
  ],
};

describe("writeXlsx", () => {
  const parts = unzip(writeXlsx([staff, { name: "Audit", header: ["When"], rows: [] }]));

  test("writes every Office Open XML part, each well-formed", () => {
    expect(Object.keys(parts).sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
    ]);
    for (const xml of Object.values(parts)) expectWellFormed(xml);
  });

  test("the content types, relationships and workbook name every sheet in order", () => {
    const types = parts["[Content_Types].xml"] ?? "";
    expect(types).toContain('<Override PartName="/xl/workbook.xml"');
    expect(types).toContain('<Override PartName="/xl/worksheets/sheet2.xml"');
    expect(parts["_rels/.rels"]).toContain('Target="xl/workbook.xml"');
    const rels = parts["xl/_rels/workbook.xml.rels"] ?? "";
    expect(rels).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"',
    );
    expect(rels).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"',
    );
    expect(parts["xl/workbook.xml"]).toContain(
      '<sheet name="Staff" sheetId="1" r:id="rId1"/><sheet name="Audit" sheetId="2" r:id="rId2"/>',
    );
  });

  test("a bold, frozen header; numbers as numbers; text escaped, cleaned and neutralised", () => {
    const sheet = parts["xl/worksheets/sheet1.xml"] ?? "";
    expect(sheet).toContain(
      '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
    );
    expect(parts["xl/styles.xml"]).toContain("<font><b/>");
    expect(cellsOf(sheet)).toEqual({
      A1: { value: "Name", style: "1" },
      B1: { value: "Team", style: "1" },
      C1: { value: "Sessions", style: "1" },
      D1: { value: "Joined", style: "1" },
      E1: { value: "Note", style: "1" },
      A2: { value: "Siân O'Brien", style: "0" },
      B2: { value: "Children & Families", style: "0" },
      C2: { value: 3, style: "0" },
      D2: { value: "2014-04-01T00:00:00Z", style: "0" },
      E2: { value: "<b>bold</b>", style: "0" },
      A3: { value: '\'=HYPERLINK("http://evil")', style: "0" },
      B3: { value: "Housing", style: "0" },
      C3: { value: -2, style: "0" },
      E3: { value: "bell and nul", style: "0" },
    });
    expect(sheet).toContain('<c r="C2"><v>3</v></c>');
    expect(sheet).toContain("Children &amp; Families");
  });

  test("columns are as wide as their longest value, within limits", () => {
    const sheet = parts["xl/worksheets/sheet1.xml"] ?? "";
    const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map(
      ([, column, width]) => [Number(column), Number(width)],
    );
    // "=HYPERLINK(…)" neutralised + 2, "Children & Families" + 2, "Sessions" + 2, the date + 2, …
    expect(widths).toEqual([
      [1, 28],
      [2, 21],
      [3, 10],
      [4, 22],
      [5, 14],
    ]);
    const long = unzip(writeXlsx([{ name: "Long", header: ["x"], rows: [["y".repeat(500)]] }]));
    expect(long["xl/worksheets/sheet1.xml"]).toContain('width="60"');
  });

  test("text longer than an Excel cell holds is cut, marked with an ellipsis", () => {
    const long = `${"x".repeat(32_765)}😀and more`;
    const sheet = unzip(writeXlsx([{ name: "Long", header: ["x"], rows: [[long]] }]))[
      "xl/worksheets/sheet1.xml"
    ];
    const cell = cellsOf(sheet ?? "").A2?.value;
    expect(cell).toBe(`${"x".repeat(32_765)}…`);
  });

  test("sheet names are made acceptable to Excel and unique", () => {
    const blank = (name: string): XlsxSheet => ({ name, header: [], rows: [] });
    const name = "Refreshers due: 30/06?";
    const workbook = unzip(
      writeXlsx([blank(name), blank(name), blank(" "), blank("x".repeat(40))]),
    )["xl/workbook.xml"];
    expect(
      [...(workbook ?? "").matchAll(/<sheet name="([^"]*)"/g)].map(([, name]) => name),
    ).toEqual(["Refreshers due 30 06", "Refreshers due 30 06 (2)", "Sheet 3", "x".repeat(31)]);
  });

  test("the well-formedness check itself refuses broken XML", () => {
    const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    for (const bad of [
      "<a><b></a></b>",
      "<a>x & y</a>",
      "<a b=c/>",
      "<a/><b/>",
      "<a>\u0001</a>",
      "<a>",
    ]) {
      expect(() => expectWellFormed(`${declaration}${bad}`), bad).toThrow();
    }
    expect(() => expectWellFormed(`${declaration}<a b="&amp;">x &lt; y<c/></a>`)).not.toThrow();
  });

  test("column names run A…Z, AA…", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
