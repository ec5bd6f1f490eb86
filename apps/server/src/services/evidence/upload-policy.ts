import { ACCEPTED_EVIDENCE_FILES, MAX_EVIDENCE_FILE_BYTES } from "@dapkit/contract";

import { AppError } from "../../errors";

export { MAX_EVIDENCE_FILE_BYTES };

/** What a file's contents were found to be (see `content-check.ts`). */
export type DetectedContent =
  /** A format with a signature, as `file-type` names it (`mime` lower case). */
  | { kind: "binary"; mime: string; macros: boolean }
  /** No signature: valid UTF-8 without NUL bytes that does not open like a web page. */
  | { kind: "text" }
  /** No signature and not safe text. */
  | { kind: "unknown" };

const WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/**
 * The formats evidence may be, by the media type `file-type` detects, each with the extensions a
 * stored name may end in (the first is added to a name that has none of them). Documents,
 * spreadsheets, slides, text and photos only: nothing a browser would run or render as a page.
 */
const BINARY_TYPES: Readonly<Record<string, readonly [string, ...string[]]>> = {
  "application/pdf": [".pdf"],
  [WORD]: [".docx"],
  [EXCEL]: [".xlsx"],
  [POWERPOINT]: [".pptx"],
  "application/vnd.oasis.opendocument.text": [".odt"],
  "application/vnd.oasis.opendocument.spreadsheet": [".ods"],
  "application/vnd.oasis.opendocument.presentation": [".odp"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/gif": [".gif"],
  "image/webp": [".webp"],
};

// The older Office formats share one container (`application/x-cfb`), so which of them a file is
// comes from its declared type; the container still has to be there.
const COMPOUND_FILE_TYPES: Readonly<Record<string, readonly [string, ...string[]]>> = {
  "application/msword": [".doc"],
  "application/vnd.ms-excel": [".xls"],
  "application/vnd.ms-powerpoint": [".ppt"],
};

// Text has no signature: which kind it is comes from the declared type, or else the name.
const TEXT_TYPES: Readonly<Record<string, readonly [string, ...string[]]>> = {
  "text/csv": [".csv"],
  "text/plain": [".txt"],
  "message/rfc822": [".eml"],
};

// Programs and scripts `file-type` recognises: refused with their own message.
const EXECUTABLES = new Set([
  "application/x-msdownload",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-sharedlib",
  "application/x-executable",
  "application/wasm",
  "application/java-archive",
  "application/x-ms-installer",
  "application/x-apple-diskimage",
  "application/vnd.microsoft.portable-executable",
  "application/x-msi",
]);

function refuse(message: string): never {
  throw new AppError("unsupported_media_type", message, { field: "file" });
}

function declaredType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function textType(declared: string, fileName: string): string | undefined {
  const lower = fileName.toLowerCase();
  // Windows reports a .csv file as an Excel file whenever Excel is installed.
  if (declared === "application/vnd.ms-excel" && lower.endsWith(".csv")) return "text/csv";
  if (Object.hasOwn(TEXT_TYPES, declared)) return declared;
  return Object.keys(TEXT_TYPES).find((type) =>
    TEXT_TYPES[type]?.some((extension) => lower.endsWith(extension)),
  );
}

/**
 * The media type a file is stored as, decided by its contents: a format with a signature is what
 * its bytes say, whatever its name or declared type; text (CSV, plain text, email) must be valid
 * UTF-8 and is told apart by its declared type or name. Refuses (415, on the file field)
 * macro-enabled Office files, programs and anything else not on the list.
 */
export function acceptedMediaType(
  detected: DetectedContent,
  declared: { contentType: string | undefined; fileName: string },
): string {
  const declaredAs = declaredType(declared.contentType);
  if (detected.kind === "binary") {
    if (detected.macros || detected.mime.includes("macroenabled")) {
      refuse(
        "The file contains macros: save it without macros (as .docx, .xlsx or .pptx) and upload it again",
      );
    }
    if (EXECUTABLES.has(detected.mime)) refuse("Programs cannot be uploaded as evidence");
    if (Object.hasOwn(BINARY_TYPES, detected.mime)) return detected.mime;
    if (detected.mime === "application/x-cfb" && Object.hasOwn(COMPOUND_FILE_TYPES, declaredAs)) {
      return declaredAs;
    }
  }
  if (detected.kind === "text") {
    const type = textType(declaredAs, declared.fileName);
    if (type !== undefined) return type;
  }
  return refuse(`The file must be a ${ACCEPTED_EVIDENCE_FILES} file`);
}

/** Gives a file name an extension that matches its media type, so it opens as what it is. */
export function withMatchingExtension(fileName: string, mediaType: string): string {
  const extensions =
    BINARY_TYPES[mediaType] ?? COMPOUND_FILE_TYPES[mediaType] ?? TEXT_TYPES[mediaType];
  if (extensions === undefined) return fileName;
  const lower = fileName.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension))
    ? fileName
    : `${fileName}${extensions[0]}`;
}
