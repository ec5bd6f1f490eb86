// Test fixtures shared by the server's upload tests and the browser journeys: real, minimal Office
// Open XML files built in memory, with or without macros.
import { strToU8, zipSync } from "fflate";

const MAIN_PART = {
  pptx: {
    dir: "ppt",
    part: "presentation.xml",
    type: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
  },
  docx: {
    dir: "word",
    part: "document.xml",
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  },
  docm: {
    dir: "word",
    part: "document.xml",
    type: "application/vnd.ms-word.document.macroEnabled.main+xml",
  },
};

/**
 * A minimal Office file of `kind` ("pptx", "docx" or "docm"): its `[Content_Types].xml`,
 * relationships and main part, plus a `vbaProject.bin` part when `options.vba` is set (as a
 * macro-enabled file has, or one renamed to hide it).
 *
 * @param {"pptx" | "docx" | "docm"} kind
 * @param {{ vba?: boolean }} [options]
 * @returns {Buffer}
 */
export function officeFile(kind, options = {}) {
  const { dir, part, type } = MAIN_PART[kind];
  /** @type {Record<string, Uint8Array>} */
  const files = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${dir}/${part}" ContentType="${type}"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${dir}/${part}"/></Relationships>`,
    ),
    [`${dir}/${part}`]: strToU8(`<?xml version="1.0" encoding="UTF-8"?><root/>`),
  };
  if (options.vba === true)
    files[`${dir}/vbaProject.bin`] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]);
  return Buffer.from(zipSync(files));
}
