import { awsError, type ErrorCode } from "./errors";

/**
 * The emulator's constraint vocabulary: a small schema language for the request constraints of
 * AWS's models (required, length, pattern, enum, range, list and map size, exactly-one-of). The
 * model reader (./model.ts) translates each operation's input shape into it; each operation names
 * which of its modelled errors answers bad input.
 */
export type Shape =
  | {
      kind: "string";
      required?: boolean;
      min?: number;
      max?: number;
      pattern?: RegExp;
      /** The pattern as messages quote it, where it is not `pattern.source`. */
      patternText?: string;
      enum?: readonly string[];
    }
  | { kind: "integer"; required?: boolean; min?: number; max?: number }
  /** A double or a float. */
  | { kind: "number"; required?: boolean; min?: number; max?: number }
  | { kind: "boolean"; required?: boolean }
  /** restJson1 sends a timestamp as epoch seconds (a number) or as a date-time string. */
  | { kind: "timestamp"; required?: boolean }
  /** Base64 text. */
  | { kind: "blob"; required?: boolean }
  | { kind: "list"; required?: boolean; min?: number; max?: number; member: Shape }
  | { kind: "map"; required?: boolean; min?: number; max?: number; key: Shape; value: Shape }
  | {
      kind: "structure";
      required?: boolean;
      members: Record<string, Shape>;
      /** Exactly one of these members must be present. */
      exactlyOneOf?: readonly string[];
    }
  | { kind: "document"; required?: boolean };

export const str = (o: Omit<Extract<Shape, { kind: "string" }>, "kind"> = {}): Shape => ({
  kind: "string",
  ...o,
});
export const int = (o: Omit<Extract<Shape, { kind: "integer" }>, "kind"> = {}): Shape => ({
  kind: "integer",
  ...o,
});
export const list = (
  member: Shape,
  o: Omit<Extract<Shape, { kind: "list" }>, "kind" | "member"> = {},
): Shape => ({
  kind: "list",
  member,
  ...o,
});
export const struct = (
  members: Record<string, Shape>,
  o: Omit<Extract<Shape, { kind: "structure" }>, "kind" | "members"> = {},
): Shape => ({ kind: "structure", members, ...o });

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** A list's or a map's size against its bounds, worded as AWS words it. */
function sizeViolations(bounds: { min?: number; max?: number }, size: number, path: string): string[] {
  const out: string[] = [];
  if (bounds.min !== undefined && size < bounds.min)
    out.push(
      `Value at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${bounds.min}`,
    );
  if (bounds.max !== undefined && size > bounds.max)
    out.push(
      `Value at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${bounds.max}`,
    );
  return out;
}

/**
 * Returns the violations of `value` against `shape`, worded the way AWS words its validation
 * messages ("Value 'x' at 'lexBot.name' failed to satisfy constraint: ...").
 */
export function violations(shape: Shape, value: unknown, path: string): string[] {
  if (value === undefined || value === null) {
    return shape.required
      ? [`Value null at '${path}' failed to satisfy constraint: Member must not be null`]
      : [];
  }
  switch (shape.kind) {
    case "string": {
      if (typeof value !== "string")
        return [`Value at '${path}' failed to satisfy constraint: Member must be a string`];
      const out: string[] = [];
      const shown = value.length > 64 ? `${value.slice(0, 64)}...` : value;
      const len = [...value].length;
      if (shape.min !== undefined && len < shape.min)
        out.push(
          `Value '${shown}' at '${path}' failed to satisfy constraint: Member must have length greater than or equal to ${shape.min}`,
        );
      if (shape.max !== undefined && len > shape.max)
        out.push(
          `Value '${shown}' at '${path}' failed to satisfy constraint: Member must have length less than or equal to ${shape.max}`,
        );
      if (shape.pattern && !shape.pattern.test(value))
        out.push(
          `Value '${shown}' at '${path}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${shape.patternText ?? shape.pattern.source}`,
        );
      if (shape.enum && !shape.enum.includes(value))
        out.push(
          `Value '${shown}' at '${path}' failed to satisfy constraint: Member must satisfy enum value set: [${shape.enum.join(", ")}]`,
        );
      return out;
    }
    case "integer":
    case "number": {
      if (typeof value !== "number" || (shape.kind === "integer" && !Number.isInteger(value)))
        return [
          `Value at '${path}' failed to satisfy constraint: Member must be ${shape.kind === "integer" ? "an integer" : "a number"}`,
        ];
      const out: string[] = [];
      if (shape.min !== undefined && value < shape.min)
        out.push(
          `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value greater than or equal to ${shape.min}`,
        );
      if (shape.max !== undefined && value > shape.max)
        out.push(
          `Value '${value}' at '${path}' failed to satisfy constraint: Member must have value less than or equal to ${shape.max}`,
        );
      return out;
    }
    case "boolean":
      return typeof value === "boolean"
        ? []
        : [`Value at '${path}' failed to satisfy constraint: Member must be a boolean`];
    case "timestamp":
      return typeof value === "number" || (typeof value === "string" && !Number.isNaN(Date.parse(value)))
        ? []
        : [`Value at '${path}' failed to satisfy constraint: Member must be a timestamp`];
    case "blob":
      return typeof value === "string"
        ? []
        : [`Value at '${path}' failed to satisfy constraint: Member must be a blob`];
    case "document":
      return typeof value === "object" && !Array.isArray(value)
        ? []
        : [`Value at '${path}' failed to satisfy constraint: Member must be an object`];
    case "map": {
      if (typeof value !== "object" || Array.isArray(value))
        return [`Value at '${path}' failed to satisfy constraint: Member must be a map`];
      const entries = Object.entries(value as Record<string, unknown>);
      const out = sizeViolations(shape, entries.length, path);
      for (const [k, v] of entries) {
        out.push(...violations(shape.key, k, `${path}.key`), ...violations(shape.value, v, `${path}.${k}`));
      }
      return out;
    }
    case "list": {
      if (!Array.isArray(value))
        return [`Value at '${path}' failed to satisfy constraint: Member must be a list`];
      const out = sizeViolations(shape, value.length, path);
      value.forEach((item, i) => out.push(...violations(shape.member, item, `${path}.${i + 1}.member`)));
      return out;
    }
    case "structure": {
      if (typeof value !== "object" || Array.isArray(value))
        return [`Value at '${path}' failed to satisfy constraint: Member must be a structure`];
      const record = value as Record<string, unknown>;
      const out: string[] = [];
      for (const [name, member] of Object.entries(shape.members)) {
        out.push(
          ...violations(member, record[name], path ? `${path}.${lowerFirst(name)}` : lowerFirst(name)),
        );
      }
      if (shape.exactlyOneOf) {
        const present = shape.exactlyOneOf.filter((n) => record[n] !== undefined && record[n] !== null);
        if (present.length !== 1)
          out.push(
            `Exactly one of ${shape.exactlyOneOf.join(", ")} must be provided${path ? ` in '${path}'` : ""}; got ${present.length}`,
          );
      }
      return out;
    }
  }
}

/** AWS's validation message for the first violations of `value` against `shape`; undefined if none. */
export function validationMessage(shape: Shape, value: unknown): string | undefined {
  const found = violations(shape, value, "");
  if (found.length === 0) return undefined;
  const n = found.length;
  return `${n} validation error${n === 1 ? "" : "s"} detected: ${found.slice(0, 10).join("; ")}`;
}

/** Throws the operation's documented validation error for the first violations found. */
export function validate(shape: Shape, value: unknown, errorCode: ErrorCode): void {
  const message = validationMessage(shape, value);
  if (message !== undefined) throw awsError(errorCode, message);
}
