import { shapeOf, wholeValuePattern, type Model } from "./model";

/**
 * Every way `value` (a JSON body as the emulator sent it) breaks the model's shape `name`: types,
 * required members, enums, lengths (in code points), numeric ranges, list and map sizes, patterns,
 * and members the shape does not have. Empty when it conforms.
 */
export function outputProblems(model: Model, name: string, value: unknown, path = name): string[] {
  const s = shapeOf(model, name);
  const bounds = (size: number, what: string): string[] => [
    ...(s.min !== undefined && size < s.min ? [`${path}: ${what} ${size} < min ${s.min}`] : []),
    ...(s.max !== undefined && size > s.max ? [`${path}: ${what} ${size} > max ${s.max}`] : []),
  ];
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  switch (s.type) {
    case "structure": {
      if (!isObject) return [`${path}: not an object`];
      const v = value as Record<string, unknown>;
      const members = s.members ?? {};
      const out: string[] = [];
      for (const k of Object.keys(v)) if (!(k in members)) out.push(`${path}: unmodelled member ${k}`);
      for (const r of s.required ?? [])
        if (v[r] === undefined) out.push(`${path}: required member ${r} missing`);
      if (s.union && Object.keys(v).length !== 1)
        out.push(`${path}: a union with ${Object.keys(v).length} members set`);
      for (const [k, ref] of Object.entries(members)) {
        if (v[k] !== undefined) out.push(...outputProblems(model, ref.shape, v[k], `${path}.${k}`));
      }
      return out;
    }
    case "list": {
      if (!Array.isArray(value)) return [`${path}: not a list`];
      const member = s.member?.shape ?? "";
      return [
        ...bounds(value.length, "length"),
        ...value.flatMap((x, i) => outputProblems(model, member, x, `${path}[${i}]`)),
      ];
    }
    case "map": {
      if (!isObject) return [`${path}: not a map`];
      const entries = Object.entries(value as Record<string, unknown>);
      return [
        ...bounds(entries.length, "size"),
        ...entries.flatMap(([k, x]) => [
          ...outputProblems(model, s.key?.shape ?? "", k, `${path}.<key ${k}>`),
          ...outputProblems(model, s.value?.shape ?? "", x, `${path}.${k}`),
        ]),
      ];
    }
    case "string": {
      if (typeof value !== "string") return [`${path}: not a string`];
      return [
        ...bounds([...value].length, "length"),
        ...(s.enum && !s.enum.includes(value)
          ? [`${path}: '${value}' is not one of ${s.enum.join(", ")}`]
          : []),
        ...(s.pattern && !wholeValuePattern(s.pattern).test(value)
          ? [`${path}: '${value}' does not match ${s.pattern}`]
          : []),
      ];
    }
    case "integer":
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value)) return [`${path}: not an integer`];
      return bounds(value, "value");
    case "double":
    case "float":
      if (typeof value !== "number") return [`${path}: not a number`];
      return bounds(value, "value");
    case "boolean":
      return typeof value === "boolean" ? [] : [`${path}: not a boolean`];
    case "timestamp":
      // restJson1 writes body timestamps as epoch seconds.
      return typeof value === "number" && Number.isFinite(value) ? [] : [`${path}: not epoch seconds`];
    case "blob":
      return typeof value === "string" ? [] : [`${path}: not base64 text`];
    default:
      return [`${path}: shape type ${s.type} not checked here`];
  }
}
