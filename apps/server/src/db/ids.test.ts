import { afterEach, describe, expect, test, vi } from "vitest";

import { newId } from "./ids";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => {
  vi.restoreAllMocks();
});

function ids(count: number): string[] {
  return Array.from({ length: count }, () => newId());
}

function expectIncreasing(list: string[]): void {
  list.slice(1).forEach((id, at) => expect(id > (list[at] ?? "")).toBe(true));
}

describe("record ids", () => {
  test("are version 7 UUIDs that start with the time", () => {
    vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2030, 0, 1));
    const [id = ""] = ids(1);
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBeGreaterThanOrEqual(
      Date.UTC(2030, 0, 1),
    );
  });

  test("go up within one millisecond, and when the clock goes back", () => {
    const frozen = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2031, 0, 1));
    const first = ids(5_000);
    frozen.mockReturnValue(Date.UTC(2031, 0, 1) - 60_000);
    const second = ids(5_000);
    const all = [...first, ...second];
    all.forEach((id) => expect(id).toMatch(UUID_V7));
    expectIncreasing(all);
    expect(new Set(all).size).toBe(all.length);
  });

  test("a later millisecond starts afresh, still above the ids before it", () => {
    const clock = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2032, 0, 1));
    const before = ids(3);
    clock.mockReturnValue(Date.UTC(2032, 0, 1) + 1);
    const after = ids(3);
    expectIncreasing([...before, ...after]);
    // Not a counter: the step between neighbours is random.
    const steps = new Set(
      after.slice(1).map((id, at) => {
        const value = (text: string) => BigInt(`0x${text.replaceAll("-", "").slice(13)}`);
        return String(value(id) - value(after[at] ?? ""));
      }),
    );
    expect(steps.size).toBeGreaterThan(1);
  });
});
