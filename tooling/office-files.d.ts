/**
 * A minimal Office file of `kind`: its `[Content_Types].xml`, relationships and main part, plus a
 * `vbaProject.bin` part when `options.vba` is set. For tests only.
 */
export function officeFile(kind: "pptx" | "docx" | "docm", options?: { vba?: boolean }): Buffer;
