import { useSearchParams } from "react-router";

/** Where a page starts or ends, as the list's last answer gave it: the page is found by key. */
export interface PagePosition {
  after?: string;
  before?: string;
}

const POSITION_KEYS = ["after", "before"] as const;

/**
 * Filters kept in the address, so a filtered list can be bookmarked, shared and paged through.
 * `set` replaces the given keys (empty strings remove them) and goes back to page 1. The page's
 * number is in `page`; a page reached by Next or Previous also carries its position (`after` or
 * `before`), so the server finds it by key rather than by counting past every row before it.
 */
export function useFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ""])) as Record<
    K,
    string
  >;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
  const position: PagePosition = {};
  for (const key of POSITION_KEYS) {
    const value = params.get(key);
    if (value != null && value !== "") position[key] = value;
  }
  return {
    values,
    page,
    position,
    set: (next: Partial<Record<K, string>>) => {
      const updated = new URLSearchParams(params);
      for (const [key, value] of Object.entries(next) as [K, string | undefined][]) {
        if (value === undefined || value === "") updated.delete(key);
        else updated.set(key, value);
      }
      for (const key of ["page", ...POSITION_KEYS]) updated.delete(key);
      setParams(updated);
    },
    /** The address of another page of the same list, at a position if given. */
    hrefFor: (pageNumber: number, at: PagePosition = {}): string => {
      const updated = new URLSearchParams(params);
      if (pageNumber === 1) updated.delete("page");
      else updated.set("page", String(pageNumber));
      for (const key of POSITION_KEYS) {
        const value = at[key];
        if (value === undefined) updated.delete(key);
        else updated.set(key, value);
      }
      const search = updated.toString();
      return search === "" ? "?" : `?${search}`;
    },
  };
}
