/**
 * Readers of seed document fields, shared by each service's seed parser: `where` is the field's
 * path in the document, which every message names so that a bad seed points at its own line.
 */

/** A seed file problem, naming the field that is wrong. */
export class SeedError extends Error {}

export type Obj = Record<string, unknown>;

export function obj(v: unknown, where: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new SeedError(`seed: ${where} must be an object`);
  return v as Obj;
}

/** A list field; an absent one is empty. */
export function arr(v: unknown, where: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new SeedError(`seed: ${where} must be an array`);
  return v;
}

export function text(v: unknown, where: string): string {
  if (typeof v !== "string" || v.length === 0)
    throw new SeedError(`seed: ${where} must be a non-empty string`);
  return v;
}

export function optText(v: unknown, where: string): string | undefined {
  return v === undefined ? undefined : text(v, where);
}

/** TagMap's bounds in the Connect model: 1-50 tags, keys 1-128 not starting `aws:`, values <= 256. */
const TAG_KEY = /^(?!aws:)[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;

/** An optional `tags` map of string values, within the bounds of Connect's TagMap. */
export function optTags(v: unknown, where: string): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  const o = obj(v, where);
  const entries = Object.entries(o);
  if (entries.length < 1 || entries.length > 50) throw new SeedError(`seed: ${where} must hold 1-50 tags`);
  for (const [key, value] of entries) {
    if (!TAG_KEY.test(key))
      throw new SeedError(
        `seed: ${where}: tag key '${key}' must be 1-128 letters, digits, spaces or _.:/=+-@, not starting with aws:`,
      );
    if (typeof value !== "string" || value.length > 256)
      throw new SeedError(`seed: ${where}.${key} must be a string of at most 256 characters`);
  }
  return o as Record<string, string>;
}

/**
 * An entity's optional `visibleAfterMs` (a number >= 0) as the epoch ms from which the APIs see it:
 * `{ visibleFrom: now + visibleAfterMs }`, or nothing when it exists from the start.
 */
export function visibility(eo: Obj, where: string, now: number): { visibleFrom?: number } {
  const v = eo["visibleAfterMs"];
  if (v === undefined) return {};
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    throw new SeedError(`seed: ${where}.visibleAfterMs must be a number >= 0`);
  return v === 0 ? {} : { visibleFrom: now + v };
}
