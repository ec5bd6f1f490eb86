/**
 * Puts `value` under `key` as the most recently used entry of `map` (a Map keeps the order keys
 * were set in, so the first key is the least recently used), then drops the least recently used
 * while there are more than `limit`.
 */
export function keepRecent<K, V>(map: Map<K, V>, entry: { key: K; value: V; limit: number }): void {
  map.delete(entry.key);
  map.set(entry.key, entry.value);
  while (map.size > entry.limit) {
    const oldest = map.keys().next();
    if (oldest.done === true) break;
    map.delete(oldest.value);
  }
}
