/**
 * A record with the fields of an update's `data` that were given; a field left out (or sent as
 * undefined) keeps its value, while null clears it.
 */
export function applyPatch<T extends object>(before: T, data: Partial<NoInfer<T>>): T {
  return { ...before, ...givenFields(data) };
}

/** The fields of an update's `data` that were given (a field sent as undefined was not). */
export function givenFields<T extends object>(data: T): Partial<T> {
  const given = Object.entries(data).filter(([, value]) => value !== undefined);
  return Object.fromEntries(given) as Partial<T>;
}

/** Whether every listed field is the same in both records (so saving would change nothing). */
export function sameFields<T extends object>(a: T, b: T, fields: readonly (keyof T)[]): boolean {
  return fields.every((field) => a[field] === b[field]);
}
