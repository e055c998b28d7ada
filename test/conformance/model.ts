import connectModel from "../../src/emulator/models/connect.json";
import profilesModel from "../../src/emulator/models/customer-profiles.json";

/*
 * AWS's models as the conformance tier reads them: the JSON data only. This tier never imports the
 * emulator's model reader (src/emulator/core/model.ts): what it checks is written here again, from
 * botocore's format, so that a misreading of the model in the emulator cannot hide in its own test.
 */

export interface Ref {
  shape: string;
  location?: string;
  locationName?: string;
}

export interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, Ref>;
  member?: Ref;
  key?: Ref;
  value?: Ref;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  exception?: boolean;
  error?: { httpStatusCode?: number };
}

export interface Operation {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
}

export interface Paginator {
  input_token: string;
  output_token: string;
  limit_key?: string;
  result_key: string;
}

export interface Model {
  source: { version: string; files: string[] };
  metadata: { signingName?: string; endpointPrefix: string; serviceId: string };
  operations: Record<string, Operation>;
  paginators: Record<string, Paginator>;
  shapes: Record<string, Shape>;
}

export const CONNECT: Model = connectModel;
export const CUSTOMER_PROFILES: Model = profilesModel;

export function shapeOf(model: Model, name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`${model.metadata.serviceId}: no shape ${name}`);
  return s;
}

export function operationOf(model: Model, name: string): Operation {
  const op = model.operations[name];
  if (!op) throw new Error(`${model.metadata.serviceId}: no operation ${name}`);
  return op;
}

/** The operation's modelled errors, by code, with the HTTP status of each error shape. */
export function modelledErrors(model: Model, operation: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of operationOf(model, operation).errors ?? []) {
    out[e.shape] = shapeOf(model, e.shape).error?.httpStatusCode ?? 400;
  }
  return out;
}

/**
 * A pattern of the model as a RegExp over the whole value. botocore escapes a few Java patterns twice
 * (`\\+[1-9]\\d{1,14}$`): those are read as the single escapes they stand for; `\p{..}` needs `u`.
 */
export function wholeValuePattern(pattern: string): RegExp {
  const p = pattern.split("\\\\").join("\\");
  return new RegExp(`^(?:${p})$`, "u");
}
