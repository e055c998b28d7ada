import { Struct } from "google-protobuf/google/protobuf/struct_pb";

/*
 * The engine's property values, as they cross the gRPC boundary: a protobuf Struct whose secrets
 * are objects marked with SECRET_SIG (the engine's signature key) and whose unknown values (during
 * preview) are the UNKNOWN string. The lifecycles take plain values and the UNKNOWN string
 * (../validation/unknown.ts), never a secret's wrapper: secrets are unwrapped on the way in, and
 * wrapped again on the same paths on the way out, so state stores them as ciphertext.
 */

/** The key that marks a special value in the engine's property format. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Its value for a secret: `{ [SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Where a value sits in a property map: keys and list indexes. */
export type PropertyPath = readonly (string | number)[];

/** Plain values and the paths where secrets were, as {@link unwrapSecrets} found them. */
export interface Unwrapped {
  value: Record<string, unknown>;
  secrets: PropertyPath[];
}

function isSecret(v: unknown): v is { value?: unknown } {
  return typeof v === "object" && v !== null && (v as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
}

function plain(v: unknown, at: PropertyPath, secrets: PropertyPath[]): unknown {
  if (isSecret(v)) {
    secrets.push(at);
    // A secret inside a secret is covered by the outer one: its path is not recorded.
    return plain(v.value, at, []);
  }
  if (Array.isArray(v)) return v.map((x, i) => plain(x, [...at, i], secrets));
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x, [...at, k], secrets)]));
  return v;
}

/** The plain values of engine properties, and the paths of the secrets among them (outermost only). */
export function unwrapSecrets(props: Record<string, unknown>): Unwrapped {
  const secrets: PropertyPath[] = [];
  const value = plain(props, [], secrets) as Record<string, unknown>;
  return { value, secrets };
}

/** `value` with the secret wrapper put back at each path it holds a value (paths it lacks are skipped). */
export function wrapSecrets(
  value: Record<string, unknown>,
  secrets: readonly PropertyPath[],
): Record<string, unknown> {
  const wrap = (v: unknown, path: PropertyPath): unknown => {
    if (path.length === 0) return v === undefined || isSecret(v) ? v : { [SIG_KEY]: SECRET_SIG, value: v };
    const [head, ...rest] = path;
    if (Array.isArray(v) && typeof head === "number" && head < v.length)
      return v.map((x, i) => (i === head ? wrap(x, rest) : x));
    if (typeof v === "object" && v !== null && !Array.isArray(v) && typeof head === "string" && head in v)
      return { ...v, [head]: wrap((v as Record<string, unknown>)[head], rest) };
    return v;
  };
  return secrets.reduce<Record<string, unknown>>((acc, p) => wrap(acc, p) as Record<string, unknown>, value);
}

/** A Struct's contents as plain JavaScript values (secrets still wrapped); an absent Struct is `{}`. */
export function fromStruct(s: Struct | undefined): Record<string, unknown> {
  return (s?.toJavaScript() ?? {}) as Record<string, unknown>;
}

/** Drops undefined (absent) values, which a Struct cannot hold; lists keep their length (as null). */
function defined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : defined(x)));
  if (typeof v === "object" && v !== null)
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, defined(x)]),
    );
  return v;
}

/** A Struct of plain values (and secret wrappers); undefined properties are left out. */
export function toStruct(props: Record<string, unknown>): Struct {
  return Struct.fromJavaScript(defined(props) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** Only the properties named in `keys` that are present. */
export function pick(props: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([k, v]) => keys.includes(k) && v !== undefined));
}
