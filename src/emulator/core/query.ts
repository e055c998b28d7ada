import type { ModelRef, ServiceModel } from "./model";

/**
 * The AWS query protocol (STS's), read by the service's model: a request is form parameters
 * (`Action=…&Version=…&Member=…`, in the POST body or the query string), an answer is XML in the
 * model's namespace, `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…`, and an error is
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */

/** A request's parameters: the query string's, then the form body's (which win). */
export function queryParams(url: URL, body: string): Map<string, string> {
  const params = new Map<string, string>(url.searchParams);
  for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  return params;
}

/**
 * An input shape's members from query parameters, as the query protocol serialises them: a
 * structure's member under `Prefix.Name`, a list's items under `Name.member.N` (`Name.N` when
 * flattened; `Name=` alone is an empty list), a map's under `Name.entry.N.key` / `.value`. Scalars
 * are read as their shape's type where they are well formed, and left as text otherwise, for the
 * constraint check to refuse.
 */
export function readQueryInput(
  model: ServiceModel,
  shapeName: string,
  params: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const value = readShape(model, shapeName, "", params);
  return (value as Record<string, unknown> | undefined) ?? {};
}

function shapeOf(model: ServiceModel, name: string) {
  const s = model.shapes[name];
  if (!s) throw new Error(`${model.metadata.serviceId} model: no shape ${name}`);
  return s;
}

function readShape(
  model: ServiceModel,
  shapeName: string,
  key: string,
  params: ReadonlyMap<string, string>,
): unknown {
  const s = shapeOf(model, shapeName);
  const at = (name: string) => (key ? `${key}.${name}` : name);
  switch (s.type) {
    case "structure": {
      const out: Record<string, unknown> = {};
      for (const [member, ref] of Object.entries(s.members ?? {})) {
        const v = readShape(model, ref.shape, at(ref.locationName ?? member), params);
        if (v !== undefined) out[member] = v;
      }
      return key && Object.keys(out).length === 0 ? undefined : out;
    }
    case "list": {
      const member = required(s.member, shapeName);
      const prefix = s.flattened ? key : at(member.locationName ?? "member");
      const items = indexed(prefix, params).map((i) =>
        readShape(model, member.shape, `${prefix}.${i}`, params),
      );
      if (items.length === 0) return params.get(key) === "" ? [] : undefined;
      return items;
    }
    case "map": {
      const prefix = s.flattened ? key : at("entry");
      const out: Record<string, unknown> = {};
      for (const i of indexed(prefix, params)) {
        const k = params.get(`${prefix}.${i}.${s.key?.locationName ?? "key"}`);
        const v = readShape(
          model,
          required(s.value, shapeName).shape,
          `${prefix}.${i}.${s.value?.locationName ?? "value"}`,
          params,
        );
        if (k !== undefined) out[k] = v;
      }
      return Object.keys(out).length === 0 ? undefined : out;
    }
    default: {
      const v = params.get(key);
      if (v === undefined) return undefined;
      switch (s.type) {
        case "integer":
        case "long":
          return /^-?\d+$/.test(v) ? Number(v) : v;
        case "double":
        case "float":
          return v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : v;
        case "boolean":
          return v === "true" ? true : v === "false" ? false : v;
        default:
          return v;
      }
    }
  }
}

/** The indexes 1, 2, … present under `prefix.N`, in order (a list stops at its first gap). */
function indexed(prefix: string, params: ReadonlyMap<string, string>): number[] {
  const out: number[] = [];
  const has = (i: number) => {
    const p = `${prefix}.${i}`;
    for (const k of params.keys()) if (k === p || k.startsWith(`${p}.`)) return true;
    return false;
  };
  for (let i = 1; has(i); i++) out.push(i);
  return out;
}

function required(ref: ModelRef | undefined, owner: string): ModelRef {
  if (!ref) throw new Error(`query protocol: ${owner} names no shape`);
  return ref;
}

function escapeXml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** A timestamp as the query protocol writes it: ISO 8601 in UTC, to the second. */
function isoSeconds(value: unknown): string {
  const ms =
    value instanceof Date
      ? value.getTime()
      : typeof value === "number"
        ? value * 1000
        : Date.parse(String(value));
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The members of `value` as XML elements of `shapeName`, in the model's member order. A member the
 * shape does not have is the emulator's bug, thrown as such.
 */
function xmlOf(model: ServiceModel, shapeName: string, value: unknown, path: string): string {
  const s = shapeOf(model, shapeName);
  switch (s.type) {
    case "structure": {
      const record = value as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        if (!s.members?.[k]) throw new Error(`emulator output: ${path} has no member ${k} in AWS's model`);
      }
      return Object.entries(s.members ?? {})
        .filter(([member]) => record[member] !== undefined && record[member] !== null)
        .map(([member, ref]) => {
          const name = ref.locationName ?? member;
          return `<${name}>${xmlOf(model, ref.shape, record[member], `${path}.${member}`)}</${name}>`;
        })
        .join("");
    }
    case "list": {
      const member = required(s.member, shapeName);
      const name = member.locationName ?? "member";
      return (value as unknown[])
        .map((v, i) => `<${name}>${xmlOf(model, member.shape, v, `${path}[${i}]`)}</${name}>`)
        .join("");
    }
    case "map":
      return Object.entries(value as Record<string, unknown>)
        .map(
          ([k, v]) =>
            `<entry><key>${escapeXml(k)}</key><value>${xmlOf(model, required(s.value, shapeName).shape, v, `${path}.${k}`)}</value></entry>`,
        )
        .join("");
    case "timestamp":
      return isoSeconds(value);
    default:
      return escapeXml(String(value));
  }
}

/** A success answer: the operation's output, in its result wrapper, in the model's namespace. */
export function queryResponse(
  model: ServiceModel,
  operation: string,
  result: unknown,
  requestId: string,
): string {
  const op = model.operations[operation];
  if (!op) throw new Error(`${model.metadata.serviceId} model: no operation ${operation}`);
  const ns = model.metadata.xmlNamespace;
  const members =
    op.output && result !== undefined ? xmlOf(model, op.output.shape, result, op.output.shape) : "";
  const wrapper = op.output?.resultWrapper;
  const body = wrapper ? `<${wrapper}>${members}</${wrapper}>` : members;
  return (
    `<${operation}Response${ns ? ` xmlns="${ns}"` : ""}>${body}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
  );
}

/** An error answer: `Sender` for the caller's fault, `Receiver` for the service's. */
export function queryError(
  model: ServiceModel,
  type: "Sender" | "Receiver",
  code: string,
  message: string,
  requestId: string,
): string {
  const ns = model.metadata.xmlNamespace;
  return (
    `<ErrorResponse${ns ? ` xmlns="${ns}"` : ""}><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
