import { AppError } from "../../errors";

/** The largest evidence file accepted: 20 MB, ample for a scanned policy or a spreadsheet. */
export const MAX_EVIDENCE_FILE_BYTES = 20 * 1024 * 1024;

/** A kind of file evidence may be: its file name extensions and how its contents begin. */
interface AllowedType {
  /** The first is the one added to a name that lacks a matching extension. */
  extensions: readonly [string, ...string[]];
  /** The bytes a file of this type starts with; `null` for text, which has no signature. */
  signature: readonly number[] | null;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The OLE2 compound file that the older Word and Excel formats are stored in.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

// Documents, spreadsheets, plain text and photos only: nothing a browser would run or render as a
// page (HTML, SVG, JavaScript), since evidence is downloaded by staff with access to the tracker.
const ALLOWED_TYPES: Readonly<Record<string, AllowedType>> = {
  "application/pdf": { extensions: [".pdf"], signature: PDF },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    extensions: [".docx"],
    signature: ZIP,
  },
  "application/msword": { extensions: [".doc"], signature: OLE2 },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    extensions: [".xlsx"],
    signature: ZIP,
  },
  "application/vnd.ms-excel": { extensions: [".xls"], signature: OLE2 },
  "application/vnd.oasis.opendocument.text": { extensions: [".odt"], signature: ZIP },
  "application/vnd.oasis.opendocument.spreadsheet": { extensions: [".ods"], signature: ZIP },
  "text/csv": { extensions: [".csv"], signature: null },
  "text/plain": { extensions: [".txt"], signature: null },
  "image/png": { extensions: [".png"], signature: PNG },
  "image/jpeg": { extensions: [".jpg", ".jpeg"], signature: JPEG },
};

/** How many leading bytes the content check looks at. */
export const SNIFF_BYTES = 512;

// Markup that a text file should not open with: a page or an image a browser would render.
const MARKUP_START = /^\s*<(?:!doctype|html|head|body|script|svg|\?xml|iframe)/i;

/**
 * The media type an upload is stored as, from its `Content-Type` header and file name; refuses
 * (415) anything not on the allow-list.
 */
export function acceptedMediaType(contentType: string | undefined, fileName: string): string {
  const declared = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  // Windows reports a .csv file as an Excel file whenever Excel is installed.
  const mediaType =
    declared === "application/vnd.ms-excel" && fileName.toLowerCase().endsWith(".csv")
      ? "text/csv"
      : declared;
  if (!Object.hasOwn(ALLOWED_TYPES, mediaType)) {
    throw new AppError(
      "unsupported_media_type",
      "The file must be a PDF, Word, Excel, OpenDocument, CSV, plain text, PNG or JPEG file",
      { field: "file" },
    );
  }
  return mediaType;
}

/** Gives a file name an extension that matches its media type, so it opens as what it is. */
export function withMatchingExtension(fileName: string, mediaType: string): string {
  const type = ALLOWED_TYPES[mediaType];
  if (type === undefined) return fileName;
  const lower = fileName.toLowerCase();
  return type.extensions.some((extension) => lower.endsWith(extension))
    ? fileName
    : `${fileName}${type.extensions[0]}`;
}

/**
 * Refuses (415) a file whose first bytes do not match its declared type: a "PDF" must start with
 * `%PDF-`, a Word or Excel file with its container's signature, and text must not be binary or
 * open like a web page.
 */
export function assertContentMatches(mediaType: string, head: Uint8Array): void {
  const type = ALLOWED_TYPES[mediaType];
  if (type === undefined) return;
  const matches =
    type.signature == null
      ? !head.includes(0) && !MARKUP_START.test(new TextDecoder().decode(head))
      : type.signature.every((byte, index) => head[index] === byte);
  if (!matches) {
    throw new AppError("unsupported_media_type", "The file's contents do not match its type", {
      field: "file",
    });
  }
}
