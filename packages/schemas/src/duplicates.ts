/** The positions of values that already appeared earlier in the list. */
export function duplicateIndexes(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, index) => {
    const duplicate = seen.has(value);
    seen.add(value);
    return duplicate ? [index] : [];
  });
}
