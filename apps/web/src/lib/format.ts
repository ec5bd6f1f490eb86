// Dates, times, money, rates, counts and the words for every status come from the @dapkit/*
// packages, so the web shows exactly what the exports, the evidence pack and the CLI show. What
// is left here is only the web's own: file sizes for uploads and downloads, and sentence case
// for messages.
import { plural } from "@dapkit/schemas";

/** A file size for people: "512 bytes", "1.5 KB", "2.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, "byte");
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A message with its first letter in capitals, as GOV.UK sentences start: "must be yes or no" → "Must be yes or no". */
export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
