import { AppError } from "../../errors";

/** Longest file name kept, in characters; longer names are shortened before their extension. */
const MAX_NAME_LENGTH = 150;

// Control characters, and the bidirectional overrides that can make "evil‮fdp.exe" read as
// "evilexe.pdf".
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows does not allow in a file name.
const RESERVED = /[<>:"|?*]/g;

function shorten(name: string): string {
  const characters = [...name];
  if (characters.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
  const stem = [...name.slice(0, name.length - extension.length)];
  return stem.slice(0, MAX_NAME_LENGTH - [...extension].length).join("") + extension;
}

/**
 * A file name safe to store, show and offer for download: the last part of any path, without
 * control characters or characters Windows refuses, no leading dots, at most 150 characters.
 * Names that are empty once cleaned become "evidence".
 */
export function safeFileName(raw: string): string {
  const lastPart = raw.normalize("NFC").replaceAll("\\", "/").split("/").pop() ?? "";
  const cleaned = lastPart
    .replace(/\s/g, " ")
    .replace(UNSAFE_CHARACTERS, "")
    .replace(RESERVED, "_")
    .replace(/ {2,}/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return cleaned === "" ? "evidence" : shorten(cleaned);
}

/** Reads the `X-File-Name` header (URI-encoded, so any name survives the header) into a safe name. */
export function fileNameFromHeader(header: string | string[] | undefined): string {
  if (typeof header !== "string" || header.trim() === "") {
    throw new AppError("bad_request", "Give the file's name in the X-File-Name header", {
      field: "fileName",
    });
  }
  try {
    return safeFileName(decodeURIComponent(header));
  } catch (error) {
    throw new AppError("bad_request", "The file name is not correctly encoded", {
      field: "fileName",
      cause: error,
    });
  }
}
