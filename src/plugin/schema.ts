import schemaJson from "./schema.json";

/*
 * The plugin's schema (./schema.json, generated from the TypeScript types by `npm run schema`):
 * GetSchema serves it as it is, and the server takes from it the facts it would otherwise repeat:
 * the version, and each resource's input and output property names.
 */

interface PropertySpec {
  type?: string;
  secret?: boolean;
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
}

interface ResourceSpec {
  inputProperties?: Record<string, unknown>;
  properties?: Record<string, unknown>;
}

interface SchemaSpec {
  version: string;
  resources: Record<string, ResourceSpec>;
  types: Record<string, { properties?: Record<string, PropertySpec> }>;
  config: { variables: Record<string, PropertySpec> };
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

/** Whether `value` holds, anywhere inside it, a property the schema marks secret. */
function holdsSecret(spec: PropertySpec, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (spec.secret) return true;
  // The generated SDKs send a provider's non-string inputs as JSON text.
  if (typeof value === "string" && spec.type !== "string") {
    try {
      return holdsSecret(spec, JSON.parse(value) as unknown);
    } catch {
      return false;
    }
  }
  if (spec.items && Array.isArray(value))
    return value.some((v) => holdsSecret(spec.items as PropertySpec, v));
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const fields = value as Record<string, unknown>;
  if (spec.additionalProperties)
    return Object.values(fields).some((v) => holdsSecret(spec.additionalProperties as PropertySpec, v));
  const type = spec.$ref ? schema.types[spec.$ref.replace("#/types/", "")] : undefined;
  return Object.entries(type?.properties ?? {}).some(([k, p]) => holdsSecret(p, fields[k]));
}

/**
 * The configuration keys whose (plain) values hold a property the schema marks secret, such as an
 * assume-role's `externalId`: the engine can keep only a whole top-level value secret, so CheckConfig
 * answers each of these keys secret, and it is ciphertext in state even when the program did not
 * mark it.
 */
export function configKeysHoldingSecrets(config: Record<string, unknown>): string[] {
  return Object.entries(schema.config.variables)
    .filter(([k, spec]) => holdsSecret(spec, config[k]))
    .map(([k]) => k);
}
