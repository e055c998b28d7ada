/*
 * The parts of the Pulumi package schema (https://www.pulumi.com/docs/iac/extensions/packages/schema/)
 * that this package's schema uses: only what the generator writes, so the compiler catches a
 * misspelt key.
 */

/** A property's type: a primitive, an array, a map, or a reference to a type of `types`. */
export interface TypeSpec {
  type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
  items?: TypeSpec;
  additionalProperties?: TypeSpec;
  $ref?: string;
}

/** One property of a resource, function, object type or the provider. */
export interface PropertySpec extends TypeSpec {
  description?: string;
  default?: string | number | boolean;
  /** The engine keeps the value encrypted in state and outputs, as if the program had marked it secret. */
  secret?: boolean;
}

/** Properties and the names of those that are always present. */
export interface ObjectSpec {
  properties: Record<string, PropertySpec>;
  required?: string[];
}

/** An entry of `types`: an object type, or a string enum. */
export interface ComplexTypeSpec {
  type: "object" | "string";
  description?: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  enum?: { value: string }[];
}

/** A resource, or the provider (`inputProperties` only). */
export interface ResourceSpec {
  description?: string;
  properties?: Record<string, PropertySpec>;
  required?: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs?: string[];
}

/** A function (a data source, `pulumi.runtime.invoke`). */
export interface FunctionSpec {
  description?: string;
  inputs: ObjectSpec;
  outputs: ObjectSpec;
}

/** The whole schema. */
export interface PackageSpec {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  repository: string;
  homepage: string;
  pluginDownloadURL: string;
  config: { variables: Record<string, PropertySpec> };
  provider: ResourceSpec;
  types: Record<string, ComplexTypeSpec>;
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  language: Record<string, unknown>;
}
