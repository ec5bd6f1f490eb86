import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";

import { inputError } from "./cli-errors";

/** A parsed JSON or YAML file, and where in it each value was written. */
export interface StructuredFile {
  readonly data: unknown;
  /** The line a field was written on; for a missing field, the line of its nearest parent. */
  readonly lineOf: (path: readonly PropertyKey[]) => number;
}

function lineFinder(document: Document, lines: LineCounter): StructuredFile["lineOf"] {
  const nodeAt = (path: readonly PropertyKey[]) =>
    path.length === 0 ? document.contents : document.getIn(path, true);
  return (path) => {
    // A field's problem is shown on the line of its name, which a nested value may not share.
    const parent = nodeAt(path.slice(0, -1));
    const key = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path.at(-1))?.key
      : undefined;
    if (isNode(key) && key.range) return lines.linePos(key.range[0]).line;
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = nodeAt(path.slice(0, depth));
      if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
    }
    return 1; // the document itself
  };
}

function jsonErrorPlace(message: string, text: string): string {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? text.length : Number(position);
  const before = text.slice(0, offset).split("\n");
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return `line ${String(line)}, column ${String(column)}`;
}

/**
 * Parses a `.json` file strictly as JSON and anything else as YAML (which also reads JSON), keeping
 * line numbers so that validation errors can point into the file.
 */
export function parseStructuredFile(path: string, text: string): StructuredFile {
  const lines = new LineCounter();
  // YAML's parser also locates values in a JSON file: JSON is YAML's flow style.
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
  if (/\.json$/i.test(path)) {
    try {
      return { data: JSON.parse(text) as unknown, lineOf: lineFinder(document, lines) };
    } catch (error) {
      const message = (error as SyntaxError).message;
      const reason = message
        .replace(/\s+in JSON at position \d+.*$/s, "")
        .replace(/\s*\(line.*$/s, "");
      throw inputError(`${path} is not valid JSON: ${reason} (${jsonErrorPlace(message, text)}).`);
    }
  }
  const [error] = document.errors;
  if (error !== undefined) {
    throw inputError(`${path} is not valid YAML: ${error.message.trimEnd()}`);
  }
  return { data: document.toJS() as unknown, lineOf: lineFinder(document, lines) };
}
