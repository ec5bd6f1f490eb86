// Progress goes to stderr so that stdout carries only the results table.

const started = Date.now();

function elapsed(): string {
  const seconds = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Prints one line of progress with the time since the benchmarks started. */
export function say(message: string): void {
  process.stderr.write(`[${elapsed()}] ${message}\n`);
}

/** Reports `done` of `total` at most every few seconds, for long loops. */
export function counter(label: string, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 5000) return;
    last = now;
    say(`  ${label}: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}`);
  };
}
