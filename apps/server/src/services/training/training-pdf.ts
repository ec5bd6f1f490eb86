import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

// A4 in points, with 2 cm margins: prints on any office printer without scaling.
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56.7;
const BLACK = rgb(0, 0, 0);

/**
 * The standard PDF fonts cover only Windows-1252, so a character outside it (a name in another
 * script) is shown as "?" rather than failing the whole document.
 */
function printable(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff£€’‘“”–—…]/g, "?");
}

/** Cuts text to fit `width` points, ending with an ellipsis when it had to be cut. */
function fitted(font: PDFFont, size: number, cell: { text: string; width: number }): string {
  const { text, width } = cell;
  let shown = printable(text);
  if (font.widthOfTextAtSize(shown, size) <= width) return shown;
  while (shown.length > 1 && font.widthOfTextAtSize(`${shown}…`, size) > width) {
    shown = shown.slice(0, -1);
  }
  return `${shown}…`;
}

/** A document being written top to bottom, starting new A4 pages as it fills. */
export interface PdfWriter {
  doc: PDFDocument;
  page: PDFPage;
  y: number;
  regular: PDFFont;
  bold: PDFFont;
}

export async function newPdf(title: string): Promise<PdfWriter> {
  const doc = await PDFDocument.create();
  doc.setTitle(printable(title));
  doc.setCreator("dapkit");
  // A fixed date keeps the file the same for the same facts; the facts carry their own dates.
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, page: doc.addPage(A4), y: A4[1] - MARGIN, regular, bold };
}

/** Room for `height` more points on this page, or a new page. Returns true on a new page. */
export function ensureRoom(pdf: PdfWriter, height: number): boolean {
  if (pdf.y - height >= MARGIN) return false;
  pdf.page = pdf.doc.addPage(A4);
  pdf.y = A4[1] - MARGIN;
  return true;
}

/** One line of text, left to right, at the current height; columns are x offsets and widths. */
export function writeLine(
  pdf: PdfWriter,
  cells: { text: string; x?: number; width?: number }[],
  options: { size?: number; bold?: boolean; gap?: number } = {},
): void {
  const size = options.size ?? 11;
  const font = options.bold === true ? pdf.bold : pdf.regular;
  ensureRoom(pdf, size + 4);
  pdf.y -= size;
  for (const cell of cells) {
    const width = cell.width ?? A4[0] - 2 * MARGIN;
    pdf.page.drawText(fitted(font, size, { text: cell.text, width }), {
      x: MARGIN + (cell.x ?? 0),
      y: pdf.y,
      size,
      font,
      color: BLACK,
    });
  }
  pdf.y -= options.gap ?? 6;
}

/** A rule across the page (a signature line, the end of a table row). */
export function writeRule(pdf: PdfWriter, from = 0, to = A4[0] - 2 * MARGIN): void {
  pdf.page.drawLine({
    start: { x: MARGIN + from, y: pdf.y },
    end: { x: MARGIN + to, y: pdf.y },
    thickness: 0.5,
    color: BLACK,
  });
}

/** The width of the writing area, for laying out columns. */
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN;

export async function pdfBytes(pdf: PdfWriter): Promise<Uint8Array> {
  return pdf.doc.save();
}
