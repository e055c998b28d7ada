/** What to add and what to remove to go from `current` to `wanted`, in `wanted` / `current` order. */
export function setDifference<T>(current: readonly T[], wanted: readonly T[]): { add: T[]; remove: T[] } {
  const have = new Set(current);
  const want = new Set(wanted);
  return { add: wanted.filter((x) => !have.has(x)), remove: current.filter((x) => !want.has(x)) };
}

/** `items` in consecutive chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
