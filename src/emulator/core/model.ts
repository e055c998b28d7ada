import type { Shape } from "./constraints";

/**
 * The reader of AWS's service models (src/emulator/models/*.json, botocore's service-2.json trimmed
 * by scripts/update-aws-models): every wire fact of an operation comes from here: its HTTP binding
 * (method, requestUri, the members bound to path labels, query parameters and headers), its input
 * constraints, its modelled errors with their HTTP statuses, its output shape and its idempotency
 * token. Hand-written code keeps only the semantics.
 */

/** A reference to a shape, as a member, a list member or a map key / value. */
export interface ModelRef {
  shape: string;
  location?: string;
  locationName?: string;
  idempotencyToken?: boolean;
}

export interface ModelShape {
  type: string;
  required?: string[];
  members?: Record<string, ModelRef>;
  member?: ModelRef;
  key?: ModelRef;
  value?: ModelRef;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  exception?: boolean;
  /** `code`: the error's code on the wire where it is not the shape's name (query protocol). */
  error?: { code?: string; httpStatusCode?: number };
  timestampFormat?: string;
  /** Query protocol: a list or map written without its wrapping element. */
  flattened?: boolean;
}

export interface ModelOperation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  /** `resultWrapper`: the query protocol's element around the output members. */
  output?: { shape: string; resultWrapper?: string };
  errors?: { shape: string }[];
}

export interface ModelPaginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key: string | string[];
  non_aggregate_keys?: string[];
}

/** A model file as scripts/update-aws-models writes it. */
export interface ServiceModel {
  source: { package: string; version: string; files: string[] };
  metadata: {
    signingName?: string;
    endpointPrefix: string;
    protocol: string;
    serviceId: string;
    apiVersion: string;
    /** The query protocol's XML namespace. */
    xmlNamespace?: string;
  };
  operations: Record<string, ModelOperation>;
  paginators: Record<string, ModelPaginator>;
  shapes: Record<string, ModelShape>;
}

/** An input member bound to a path label, a query parameter or a header, and the type it is read as. */
export interface Binding {
  member: string;
  type: string;
  /** For a list: its members' type. */
  memberType?: string;
}

/** Everything the model says about one operation on the wire. */
export interface OperationContract {
  operation: string;
  method: string;
  /** The requestUri's path, with `{Label}` (and greedy `{Label+}`) segments. */
  path: string;
  labels: Record<string, Binding>;
  query: Record<string, Binding>;
  /** Keyed by the header name in lower case. */
  headers: Record<string, Binding>;
  /** Input members that travel in the JSON body. */
  bodyMembers: readonly string[];
  input: Shape;
  /** The operation's modelled errors, each with its shape's `error.httpStatusCode`. */
  errors: Readonly<Record<string, number>>;
  idempotencyToken: string | undefined;
  /** The output shape's name; undefined when the operation has none. */
  output: string | undefined;
  /** The HTTP status of a success. */
  status: number;
}

/**
 * botocore writes a few Java patterns escaped twice (`\\+[1-9]\\d{1,14}$` for PhoneNumber,
 * `.*\\S.*` for WorkspaceAssociatedResourceName, `\\+?[0-9]{1,11}` for PhoneNumberPrefix): read
 * literally they would require backslashes in phone numbers and names. Read as the single escapes
 * they stand for.
 */
function unescapeTwice(pattern: string): string {
  return pattern.includes("\\\\") ? pattern.replaceAll("\\\\", "\\") : pattern;
}

/**
 * A model's pattern as a JavaScript RegExp that tests the whole value (AWS applies a model's pattern
 * to the whole value, as Java's `matches` does), with the `u` flag for `\p{...}` classes, and the
 * text that messages quote (the pattern, anchored where the model leaves it unanchored).
 */
export function modelPattern(pattern: string): { regex: RegExp; text: string } {
  const p = unescapeTwice(pattern);
  const text = `${p.startsWith("^") ? "" : "^"}${p}${p.endsWith("$") ? "" : "$"}`;
  return { regex: new RegExp(`^(?:${p})$`, "u"), text };
}

/** The values of an enum shape of a model. */
export function enumOf(model: ServiceModel, shape: string): readonly string[] {
  const values = model.shapes[shape]?.enum;
  if (!values) throw new Error(`${model.metadata.serviceId} model: ${shape} is not an enum`);
  return values;
}

/** A bound (`min` or `max`) of a shape of a model. */
export function boundOf(model: ServiceModel, shape: string, bound: "min" | "max"): number {
  const value = model.shapes[shape]?.[bound];
  if (value === undefined) throw new Error(`${model.metadata.serviceId} model: ${shape} has no ${bound}`);
  return value;
}

/** The pattern of a string shape of a model, read as `modelPattern` reads it. */
export function patternOf(model: ServiceModel, shape: string): { regex: RegExp; text: string } {
  const pattern = model.shapes[shape]?.pattern;
  if (pattern === undefined) throw new Error(`${model.metadata.serviceId} model: ${shape} has no pattern`);
  return modelPattern(pattern);
}

/** The HTTP status of every error shape of a model, from its `error.httpStatusCode` (400 when absent). */
export function errorStatuses(model: ServiceModel): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, shape] of Object.entries(model.shapes)) {
    if (shape.exception) out[name] = shape.error?.httpStatusCode ?? 400;
  }
  return out;
}

const LOCATIONS = new Set(["uri", "querystring", "header"]);

/** Reads one service's model; shapes are translated once and shared. */
export class ModelReader {
  private readonly shapes = new Map<string, Shape>();
  private readonly statuses: Record<string, number>;

  constructor(readonly model: ServiceModel) {
    this.statuses = errorStatuses(model);
  }

  private modelShape(name: string): ModelShape {
    const s = this.model.shapes[name];
    if (!s) throw new Error(`${this.model.metadata.serviceId} model: no shape ${name}`);
    return s;
  }

  /** The input constraints of a model shape, in the emulator's constraint vocabulary. */
  shape(name: string): Shape {
    const known = this.shapes.get(name);
    if (known) return known;
    const s = this.modelShape(name);
    const bounds = {
      ...(s.min === undefined ? {} : { min: s.min }),
      ...(s.max === undefined ? {} : { max: s.max }),
    };
    let out: Shape;
    switch (s.type) {
      case "string": {
        const pattern = s.pattern === undefined ? undefined : modelPattern(s.pattern);
        out = {
          kind: "string",
          ...bounds,
          ...(pattern ? { pattern: pattern.regex, patternText: pattern.text } : {}),
          ...(s.enum ? { enum: s.enum } : {}),
        };
        break;
      }
      case "integer":
      case "long":
        out = { kind: "integer", ...bounds };
        break;
      case "double":
      case "float":
        out = { kind: "number", ...bounds };
        break;
      case "boolean":
      case "timestamp":
      case "blob":
        out = { kind: s.type };
        break;
      case "list": {
        // Registered before its member is read, so that recursive shapes end.
        const list: Shape = { kind: "list", ...bounds, member: { kind: "document" } };
        this.shapes.set(name, list);
        list.member = this.shape(this.ref(s.member, name).shape);
        return list;
      }
      case "map": {
        const map: Shape = { kind: "map", ...bounds, key: { kind: "string" }, value: { kind: "document" } };
        this.shapes.set(name, map);
        map.key = this.shape(this.ref(s.key, name).shape);
        map.value = this.shape(this.ref(s.value, name).shape);
        return map;
      }
      case "structure": {
        const members: Record<string, Shape> = {};
        const struct: Shape = {
          kind: "structure",
          members,
          ...(s.union ? { exactlyOneOf: Object.keys(s.members ?? {}) } : {}),
        };
        this.shapes.set(name, struct);
        for (const [member, ref] of Object.entries(s.members ?? {})) {
          members[member] = this.member(name, member, ref);
        }
        return struct;
      }
      default:
        throw new Error(
          `${this.model.metadata.serviceId} model: shape ${name} has type ${s.type}, not read here`,
        );
    }
    this.shapes.set(name, out);
    return out;
  }

  private ref(ref: ModelRef | undefined, owner: string): ModelRef {
    if (!ref) throw new Error(`${this.model.metadata.serviceId} model: ${owner} names no shape`);
    return ref;
  }

  /** A structure's member: its target's constraints, required where the structure says so. */
  private member(structure: string, member: string, ref: ModelRef): Shape {
    const target = this.shape(ref.shape);
    const required = this.modelShape(structure).required?.includes(member) ?? false;
    // A shallow copy: a recursive structure shares its members object with every copy of it.
    return required ? { ...target, required: true } : target;
  }

  private binding(member: string, ref: ModelRef): Binding {
    const s = this.modelShape(ref.shape);
    return {
      member,
      type: s.type,
      ...(s.type === "list" && s.member ? { memberType: this.modelShape(s.member.shape).type } : {}),
    };
  }

  /** The wire contract of one operation. */
  contract(operation: string): OperationContract {
    const op = this.model.operations[operation];
    if (!op) throw new Error(`${this.model.metadata.serviceId} model: no operation ${operation}`);
    const [path = "/"] = op.http.requestUri.split("?");
    const labels: Record<string, Binding> = {};
    const query: Record<string, Binding> = {};
    const headers: Record<string, Binding> = {};
    const bodyMembers: string[] = [];
    let idempotencyToken: string | undefined;
    const inputName = op.input?.shape;
    const inputShape = inputName === undefined ? undefined : this.modelShape(inputName);
    for (const [member, ref] of Object.entries(inputShape?.members ?? {})) {
      if (ref.idempotencyToken) idempotencyToken = member;
      const wireName = ref.locationName ?? member;
      if (ref.location === undefined) bodyMembers.push(member);
      else if (!LOCATIONS.has(ref.location))
        throw new Error(`${operation}: ${member} is bound to ${ref.location}, not read here`);
      else if (ref.location === "uri") labels[wireName] = this.binding(member, ref);
      else if (ref.location === "querystring") query[wireName] = this.binding(member, ref);
      else headers[wireName.toLowerCase()] = this.binding(member, ref);
    }
    const outputShape = op.output ? this.modelShape(op.output.shape) : undefined;
    for (const [member, ref] of Object.entries(outputShape?.members ?? {})) {
      if (ref.location !== undefined)
        throw new Error(
          `${operation}: output member ${member} is bound to ${ref.location}, not written here`,
        );
    }
    const errors: Record<string, number> = {};
    for (const e of op.errors ?? []) errors[e.shape] = this.statuses[e.shape] ?? 400;
    return {
      operation,
      method: op.http.method,
      path,
      labels,
      query,
      headers,
      bodyMembers,
      input: inputName === undefined ? { kind: "structure", members: {} } : this.shape(inputName),
      errors,
      idempotencyToken,
      output: op.output?.shape,
      status: op.http.responseCode ?? 200,
    };
  }

  /**
   * A handler's result as the output shape puts it on the wire: members left undefined are left out,
   * timestamps (a Date, an ISO 8601 string or epoch seconds) become restJson1's epoch seconds. A
   * member the shape does not have is the emulator's bug, thrown as such.
   */
  serialize(shapeName: string, value: unknown, path = shapeName): unknown {
    const s = this.modelShape(shapeName);
    if (value === undefined || value === null) return undefined;
    switch (s.type) {
      case "structure": {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          const ref = s.members?.[k];
          if (!ref) throw new Error(`emulator output: ${path} has no member ${k} in AWS's model`);
          const wire = this.serialize(ref.shape, v, `${path}.${k}`);
          if (wire !== undefined) out[k] = wire;
        }
        return out;
      }
      case "list":
        return (value as unknown[]).map((v, i) =>
          this.serialize(this.ref(s.member, shapeName).shape, v, `${path}[${i}]`),
        );
      case "map": {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          out[k] = this.serialize(this.ref(s.value, shapeName).shape, v, `${path}.${k}`);
        }
        return out;
      }
      case "timestamp":
        if (value instanceof Date) return value.getTime() / 1000;
        if (typeof value === "string") return Date.parse(value) / 1000;
        return value;
      default:
        return value;
    }
  }
}
