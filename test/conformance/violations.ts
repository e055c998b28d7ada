import { shapeOf, wholeValuePattern, type Model, type Shape } from "./model";

/** One input constraint of the model broken once: where, which constraint, and the input that breaks it. */
export interface Violation {
  /** The member's path from the input, e.g. `LexBot.Name` or `SecurityProfiles[0].Id`. */
  path: string;
  constraint: string;
  input: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Candidates for a string that breaks a pattern; the first that does and keeps the length bounds is used. */
const PATTERN_BREAKERS = ["!", "#%&", " ", "x y", "-", "_", "A", "a", "0", "aws:x", "\u00e9", "x".repeat(40)];

/** Values of a scalar shape that break one constraint each, with the constraint's name. */
function badScalars(s: Shape): { constraint: string; value: unknown }[] {
  const out: { constraint: string; value: unknown }[] = [];
  if (s.type === "string") {
    if (s.min !== undefined && s.min > 0)
      out.push({ constraint: `length >= ${s.min}`, value: "x".repeat(s.min - 1) });
    if (s.max !== undefined) out.push({ constraint: `length <= ${s.max}`, value: "x".repeat(s.max + 1) });
    if (s.enum) out.push({ constraint: "enum", value: "NOT_A_MODELLED_VALUE" });
    if (s.pattern) {
      const re = wholeValuePattern(s.pattern);
      const fits = (v: string): boolean =>
        (s.min === undefined || [...v].length >= s.min) && (s.max === undefined || [...v].length <= s.max);
      const breaker = PATTERN_BREAKERS.find((v) => fits(v) && !re.test(v));
      if (breaker !== undefined) out.push({ constraint: `pattern ${s.pattern}`, value: breaker });
    }
  }
  if (s.type === "integer" || s.type === "long" || s.type === "double" || s.type === "float") {
    if (s.min !== undefined) out.push({ constraint: `value >= ${s.min}`, value: s.min - 1 });
    if (s.max !== undefined) out.push({ constraint: `value <= ${s.max}`, value: s.max + 1 });
  }
  return out;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/**
 * Every single constraint violation the model allows on `input` (a valid input of the operation whose
 * input shape is `inputShape`): each required member left out, each string, number, list or map
 * bound, enum and pattern broken, in every structure the input holds (and in the first item of each
 * list). A member bound to a path label cannot be sent empty or left out, so those are not generated.
 */
export function violationsOf(model: Model, inputShape: string, input: Json): Violation[] {
  const out: Violation[] = [];
  // `at` writes a value at `path` (a list of keys) into a copy of the input.
  const walk = (
    shapeName: string,
    value: Json,
    keys: (string | number)[],
    label: string,
    topLevel: boolean,
  ): void => {
    const s = shapeOf(model, shapeName);
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      const target = shapeOf(model, ref.shape);
      const path = [...keys, member];
      const name = label ? `${label}.${member}` : member;
      const inPath = topLevel && ref.location === "uri";
      const present = value[member] !== undefined;
      const put = (v: unknown): Json => setAt(clone(input), path, v);
      if (present && !inPath && s.required?.includes(member))
        out.push({ path: name, constraint: "required", input: setAt(clone(input), path, undefined) });
      for (const bad of badScalars(target)) {
        if (inPath && bad.value === "") continue;
        out.push({ path: name, constraint: bad.constraint, input: put(bad.value) });
      }
      const current = value[member];
      if ((target.type === "list" || target.type === "map") && present) {
        const items = target.type === "list" ? (current as unknown[]) : Object.entries(current as Json);
        const sample = items[0];
        const sized = (n: number): unknown => {
          const list = Array.from({ length: n }, (_, i) => items[i] ?? sample);
          return target.type === "list"
            ? list
            : Object.fromEntries((list as [string, unknown][]).map(([k, v], i) => [`${k}${i}`, v]));
        };
        if (target.min !== undefined && target.min > 0)
          out.push({ path: name, constraint: `size >= ${target.min}`, input: put(sized(target.min - 1)) });
        if (target.max !== undefined && sample !== undefined)
          out.push({ path: name, constraint: `size <= ${target.max}`, input: put(sized(target.max + 1)) });
        const memberShape = target.type === "list" ? target.member?.shape : undefined;
        if (memberShape && sample !== undefined) {
          const ms = shapeOf(model, memberShape);
          if (ms.type === "structure") walk(memberShape, sample as Json, [...path, 0], `${name}[0]`, false);
          else
            for (const bad of badScalars(ms))
              out.push({
                path: `${name}[0]`,
                constraint: bad.constraint,
                input: put([bad.value, ...items.slice(1)]),
              });
        }
      }
      if (target.type === "structure" && present) walk(ref.shape, current as Json, path, name, false);
    }
  };
  walk(inputShape, input, [], "", true);
  return out;
}

/** `target` with the value at `path` replaced (or removed, for undefined). */
function setAt(target: Json, path: (string | number)[], value: unknown): Json {
  let node: Record<string | number, unknown> = target;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? "";
  if (value === undefined) Reflect.deleteProperty(node, last);
  else node[last] = value;
  return target;
}
