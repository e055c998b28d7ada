/**
 * `triggers` as canonical JSON: object keys sorted at every depth, so two values that are equal as
 * JSON compare equal whatever order the engine hands their keys back in. Undefined stays undefined
 * (no triggers), and the preview unknown sentinel stays a string that differs from any recorded value.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(sorted(value));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sorted(o[k])]),
    );
  }
  return value;
}
