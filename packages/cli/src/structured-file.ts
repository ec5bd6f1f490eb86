import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";

import { inputError } from "./cli-errors";

/** A place in a file, counted from 1 as editors do. */
export interface FilePlace {
  readonly line: number;
  readonly column: number;
}

/** A parsed JSON or YAML file, and where in it each value was written. */
export interface StructuredFile {
  readonly data: unknown;
  /** Where a field's name was written; for a missing field, where its nearest parent starts. */
  readonly placeOf: (path: readonly PropertyKey[]) => FilePlace;
}

/**
 * `file:line:column`, the form editors and terminals turn into a link to the place.
 *
 * @example
 * atPlace("plan.yaml", { line: 3, column: 5 }); // "plan.yaml:3:5"
 */
export function atPlace(path: string, { line, column }: FilePlace): string {
  return `${path}:${String(line)}:${String(column)}`;
}

function placeAt(lines: LineCounter, offset: number): FilePlace {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function placeFinder(document: Document, lines: LineCounter): StructuredFile["placeOf"] {
  const nodeAt = (path: readonly PropertyKey[]) =>
    path.length === 0 ? document.contents : document.getIn(path, true);
  return (path) => {
    // A field's problem is shown on the line of its name, which a nested value may not share.
    const parent = nodeAt(path.slice(0, -1));
    const key = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && pair.key.value === path.at(-1))?.key
      : undefined;
    if (isNode(key) && key.range) return placeAt(lines, key.range[0]);
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = nodeAt(path.slice(0, depth));
      if (isNode(node) && node.range) return placeAt(lines, node.range[0]);
    }
    return { line: 1, column: 1 }; // the document itself
  };
}

function jsonErrorPlace(message: string, text: string): FilePlace {
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? text.length : Number(position);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
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
      return { data: JSON.parse(text) as unknown, placeOf: placeFinder(document, lines) };
    } catch (error) {
      const message = (error as SyntaxError).message;
      const reason = message
        .replace(/\s+in JSON at position \d+.*$/s, "")
        .replace(/\s*\(line.*$/s, "");
      throw inputError(
        `${atPlace(path, jsonErrorPlace(message, text))}: not valid JSON: ${reason}.`,
      );
    }
  }
  const [error] = document.errors;
  if (error !== undefined) {
    const place = placeAt(lines, error.pos[0]);
    // The yaml library ends its message with its own "at line L, column C" and a picture.
    const reason = error.message.replace(/\s+at line \d+, column \d+:[\s\S]*$/, "").trimEnd();
    throw inputError(`${atPlace(path, place)}: not valid YAML: ${reason}`);
  }
  return { data: document.toJS() as unknown, placeOf: placeFinder(document, lines) };
}
