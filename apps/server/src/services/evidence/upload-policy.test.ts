import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { afterAll, describe, expect, test } from "vitest";

import { detectContent } from "./content-check";
import { PDF_BYTES } from "./evidence-fixtures";
import { officeFile } from "@dapkit/tooling/office-files";
import { acceptedMediaType, withMatchingExtension } from "./upload-policy";

const dir = mkdtempSync(join(tmpdir(), "dapkit-upload-policy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
/** The media type `bytes` is accepted as, through the real content check on a real file. */
async function accepted(bytes: Buffer, declared: { type?: string; name: string }) {
  count += 1;
  const path = join(dir, String(count));
  writeFileSync(path, bytes);
  return acceptedMediaType(await detectContent(path), {
    contentType: declared.type,
    fileName: declared.name,
  });
}

const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const OLE2 = Buffer.from([
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  ...new Array<number>(504).fill(0),
]);
// The start of a Windows program: "MZ", then the offset of its "PE" header.
const EXE = Buffer.alloc(512);
EXE.write("MZ", 0, "latin1");
EXE.writeUInt32LE(0x80, 0x3c);
EXE.write("PE\0\0", 0x80, "latin1");

describe("files accepted by their contents", () => {
  test("a PowerPoint file is accepted as one, whatever it is called or declared as", async () => {
    await expect(accepted(officeFile("pptx"), { type: PPTX, name: "training.pptx" })).resolves.toBe(
      PPTX,
    );
    await expect(
      accepted(officeFile("pptx"), { type: "application/octet-stream", name: "slides" }),
    ).resolves.toBe(PPTX);
  });

  test("a Word file declared as a PDF is stored as the Word file it is", async () => {
    await expect(
      accepted(officeFile("docx"), { type: "application/pdf", name: "policy.pdf" }),
    ).resolves.toBe(DOCX);
    await expect(accepted(PDF_BYTES, { type: DOCX, name: "policy.docx" })).resolves.toBe(
      "application/pdf",
    );
  });

  test("the older Office container takes its kind from the declared type", async () => {
    await expect(accepted(OLE2, { type: "application/vnd.ms-excel", name: "a.xls" })).resolves.toBe(
      "application/vnd.ms-excel",
    );
    await expect(accepted(OLE2, { type: "text/plain", name: "a.txt" })).rejects.toMatchObject({
      code: "unsupported_media_type",
    });
  });

  test("CSV, plain text and email are UTF-8 text told apart by type or name", async () => {
    const csv = Buffer.from("Name,Team\r\nAsha Patel,Housing\r\n");
    await expect(accepted(csv, { type: "text/csv", name: "a.csv" })).resolves.toBe("text/csv");
    await expect(accepted(csv, { type: "application/vnd.ms-excel", name: "U.CSV" })).resolves.toBe(
      "text/csv",
    );
    const email = Buffer.from("From: a@northshire.example\r\nSubject: Panel\r\n\r\nMinutes.\r\n");
    await expect(accepted(email, { type: "", name: "panel.eml" })).resolves.toBe("message/rfc822");
    await expect(accepted(email, { type: "message/rfc822", name: "panel" })).resolves.toBe(
      "message/rfc822",
    );
    await expect(accepted(Buffer.from("notes\n"), { name: "notes.txt" })).resolves.toBe(
      "text/plain",
    );
  });
});

describe("files refused", () => {
  const refusal = (message: string | RegExp) => ({
    code: "unsupported_media_type",
    field: "file",
    message: typeof message === "string" ? message : (expect.stringMatching(message) as unknown),
  });

  test("a macro-enabled Word file, and a Word file hiding a macro part", async () => {
    const macros = /^The file contains macros/;
    await expect(
      accepted(officeFile("docm"), { type: DOCX, name: "policy.docm" }),
    ).rejects.toMatchObject(refusal(macros));
    await expect(
      accepted(officeFile("docx", { vba: true }), { type: DOCX, name: "policy.docx" }),
    ).rejects.toMatchObject(refusal(macros));
  });

  test("a program, even named and declared as a PDF", async () => {
    await expect(
      accepted(EXE, { type: "application/pdf", name: "policy.pdf" }),
    ).rejects.toMatchObject(refusal("Programs cannot be uploaded as evidence"));
  });

  test.each([
    ["a web page posing as text", Buffer.from("\n <svg onload=alert(1)>"), "a.txt"],
    ["text with a NUL byte", Buffer.from([0x41, 0x00, 0x42]), "a.txt"],
    ["text that is not UTF-8", Buffer.from([0x41, 0xff, 0xfe, 0x42]), "a.csv"],
    ["text with no text type or name", Buffer.from("hello"), "a.htm"],
    [
      "a plain ZIP archive",
      Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]),
      "a.zip",
    ],
  ])("%s", async (_what, bytes, name) => {
    const type = name.endsWith(".htm") ? "text/html" : "text/plain";
    await expect(accepted(bytes, { type, name })).rejects.toMatchObject(
      refusal(/^The file must be a PDF, Word, Excel, PowerPoint/),
    );
  });
});

describe("withMatchingExtension", () => {
  test("adds the type's extension when the name lacks it", () => {
    expect(withMatchingExtension("notes.html", "text/plain")).toBe("notes.html.txt");
    expect(withMatchingExtension("photo.JPEG", "image/jpeg")).toBe("photo.JPEG");
    expect(withMatchingExtension("scan", "application/pdf")).toBe("scan.pdf");
    expect(withMatchingExtension("slides", PPTX)).toBe("slides.pptx");
  });
});
