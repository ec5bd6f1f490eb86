const COUNT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/**
 * A whole count as people read it, with thousands grouped: `1,234`.
 *
 * @example
 * formatCount(1234); // "1,234"
 */
export function formatCount(count: number): string {
  return COUNT.format(count);
}

/**
 * A count with its noun, singular only for exactly one: `1 person`, `3 people`, `0 sessions`.
 * The plural is the noun plus "s" unless given.
 *
 * @example
 * plural(1, "place"); // "1 place"
 * plural(1200, "person", "people"); // "1,200 people"
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}
