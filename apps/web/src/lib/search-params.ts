import { useSearchParams } from "react-router";

/**
 * Filters kept in the address, so a filtered list can be bookmarked, shared and paged through.
 * `set` replaces the given keys (empty strings remove them) and goes back to page 1.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<
    K,
    string
  >;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  return {
    values,
    page,
    set: (next: Partial<Record<K, string>>) => {
      const updated = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
        if (value === undefined || value === "") updated.delete(key);
        else updated.set(key, value);
      }
      updated.delete("page");
      setParams(updated);
    },
    /** The address of another page of the same list. */
    hrefFor: (pageNumber: number): string => {
      const updated = new URLSearchParams(params);
      if (pageNumber === 1) updated.delete("page");
      else updated.set("page", String(pageNumber));
      const search = updated.toString();
      return search === "" ? "?" : `?${search}`;
    },
  };
}
