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
