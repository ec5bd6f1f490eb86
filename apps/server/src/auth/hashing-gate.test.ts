import { describe, expect, test } from "vitest";

import { HashingGate } from "./hashing-gate";

/** Work that finishes when told to, so the test decides what is in flight. */
function heldWork() {
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish: () => finish() };
}

const BUSY = {
  code: "too_many_requests",
  message: "The server is busy checking passwords. Try again in a moment.",
};

describe("HashingGate", () => {
  test("one client gets its share at once and is refused beyond it; others are not held back", async () => {
    const gate = new HashingGate({ perClient: 2, running: 4, waiting: 0 });
    const held = [heldWork(), heldWork()];
    const running = held.map((h) => gate.run("a", h.work));
    await expect(gate.run("a", () => Promise.resolve())).rejects.toMatchObject(BUSY);
    await expect(gate.run("b", () => Promise.resolve("b's turn"))).resolves.toBe("b's turn");
    for (const h of held) h.finish();
    await Promise.all(running);
    await expect(gate.run("a", () => Promise.resolve("free again"))).resolves.toBe("free again");
  });

  test("overall, a few run, a few wait their turn in order, and the rest are refused", async () => {
    const gate = new HashingGate({ perClient: 1, running: 2, waiting: 1 });
    const order: string[] = [];
    const [a, b] = [heldWork(), heldWork()];
    const first = gate.run("a", a.work);
    const second = gate.run("b", b.work);
    const queued = gate.run("c", () => {
      order.push("c");
      return Promise.resolve();
    });
    await expect(gate.run("d", () => Promise.resolve())).rejects.toMatchObject(BUSY);
    expect(order).toEqual([]);
    a.finish();
    await Promise.all([first, queued]);
    expect(order).toEqual(["c"]);
    b.finish();
    await second;
  });

  test("a failing hash frees its place", async () => {
    const gate = new HashingGate({ perClient: 1, running: 1, waiting: 0 });
    await expect(gate.run("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run("a", () => Promise.resolve(1))).resolves.toBe(1);
  });
});
