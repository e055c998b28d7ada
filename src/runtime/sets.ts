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

/** Same members, whatever the order. */
export function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}
