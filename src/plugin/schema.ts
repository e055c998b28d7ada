import schemaJson from "./schema.json";

/*
 * The plugin's schema (./schema.json, generated from the TypeScript types by `npm run schema`):
 * GetSchema serves it as it is, and the server takes from it the facts it would otherwise repeat:
 * the version, and each resource's input and output property names.
 */

interface ResourceSpec {
  inputProperties?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

interface SchemaSpec {
  version: string;
  resources: Record<string, ResourceSpec>;
}

const schema = schemaJson as unknown as SchemaSpec;

/** The schema's text, as GetSchema answers it. */
export function schemaText(): string {
  return JSON.stringify(schemaJson);
}

/** The plugin's version (the package's, written into the schema). */
export function pluginVersion(): string {
  return schema.version;
}

function resource(token: string): ResourceSpec {
  const spec = schema.resources[token];
  if (!spec) throw new Error(`the schema has no resource ${token}`);
  return spec;
}

/** The input property names of a resource token. */
export function inputPropertyNames(token: string): string[] {
  return Object.keys(resource(token).inputProperties ?? {});
}

/** The properties a resource has in state but no program sets (its outputs that are not inputs). */
export function outputOnlyNames(token: string): string[] {
  const inputs = inputPropertyNames(token);
  return Object.keys(resource(token).properties ?? {}).filter((k) => !inputs.includes(k));
}
