type Level = "info" | "warn" | "error";

/** Fields attached to a log line; never pass passwords, tokens or evidence contents. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

let sink: (line: string, level: Level) => void = (line, level) => {
  (level === "info" ? process.stdout : process.stderr).write(`${line}\n`);
};

function write(level: Level, message: string, fields: LogFields = {}): void {
  sink(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }), level);
}

/** Structured one-line JSON logging to stdout and stderr. */
export const log = {
  info: (message: string, fields?: LogFields) => write("info", message, fields),
  warn: (message: string, fields?: LogFields) => write("warn", message, fields),
  error: (message: string, fields?: LogFields) => write("error", message, fields),
};

/** Redirects log lines (tests capture them instead of printing). Returns the previous sink. */
export function setLogSink(next: typeof sink): typeof sink {
  const previous = sink;
  sink = next;
  return previous;
}
