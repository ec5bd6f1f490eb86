import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

import type { BuiltPaper } from "@dapkit/contract";

// A4 portrait with 2.54 cm margins leaves about 16 cm (9,026 twentieths of a point) of text width.
const TEXT_WIDTH = 9026;

function cell(text: string, options: { bold?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    children: text
      .split("\n")
      .map(
        (line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold })] }),
      ),
  });
}

function frontMatter(paper: BuiltPaper): Table {
  const label = Math.round(TEXT_WIDTH * 0.3);
  const value = TEXT_WIDTH - label;
  const rows = paper.frontMatter.map(
    (row) =>
      new TableRow({
        children: [
          cell(`${row.label}:`, { bold: true, width: label }),
          cell(row.value, { width: value }),
        ],
      }),
  );
  rows.push(
    new TableRow({
      children: [
        cell("Recommendation(s):", { bold: true, width: label }),
        cell(
          paper.recommendations.map((text, index) => `${String(index + 1)}. ${text}`).join("\n"),
          { width: value },
        ),
      ],
    }),
  );
  return new Table({
    rows,
    columnWidths: [label, value],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
  });
}

// Paragraph numbers are written as text rather than Word list numbering: they are the numbers the
// app showed the officer, and they stay the same in any reader, however it restarts lists.
function numberedParagraphs(paper: BuiltPaper): Paragraph[] {
  return paper.sections.flatMap((section) => [
    new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_2 }),
    ...section.paragraphs.flatMap((paragraph) => [
      new Paragraph({
        text: `${String(paragraph.number)}. ${paragraph.text}`,
        indent: { left: 567, hanging: 567 },
        spacing: { after: 120 },
      }),
      ...paragraph.items.map(
        (item) => new Paragraph({ text: item, bullet: { level: 0 }, indent: { left: 1134 } }),
      ),
    ]),
  ]);
}

function appendix(paper: BuiltPaper): (Paragraph | Table)[] {
  if (paper.appendix == null) return [];
  const { heading, columns, rows } = paper.appendix;
  const width = Math.floor(TEXT_WIDTH / columns.length);
  return [
    new Paragraph({ text: heading, heading: HeadingLevel.HEADING_2, pageBreakBefore: true }),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: columns.map(() => width),
      rows: [
        new TableRow({
          tableHeader: true,
          children: columns.map((column) => cell(column, { bold: true, width })),
        }),
        ...rows.map((row) => new TableRow({ children: row.map((text) => cell(text, { width })) })),
      ],
    }),
  ];
}

/**
 * The paper as a Word document in the standard council report layout: the front-matter table
 * (To, Date, Report of, Title, Purpose, Key decision, Recommendations), the numbered paragraphs
 * under their headings, and the appendix table of recommendations on a page of its own.
 */
export async function renderPaperDocx(paper: BuiltPaper): Promise<Buffer> {
  const title = paper.frontMatter.find((row) => row.label === "Title of Report")?.value ?? "";
  const document = new Document({
    title,
    creator: "dapkit",
    styles: { default: { document: { run: { font: "Arial", size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            text: title,
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.LEFT,
          }),
          frontMatter(paper),
          ...numberedParagraphs(paper),
          ...appendix(paper),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
