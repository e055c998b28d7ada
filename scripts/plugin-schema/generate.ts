import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { descriptionOf } from "./docs";
import {
  configSource,
  functionSource,
  registryResources,
  sourceProgram,
  type ResourceSource,
} from "./sources";
import type { FunctionSpec, ObjectSpec, PackageSpec, ResourceSpec } from "./spec";
import { SchemaTypes } from "./types";

/** The plugin's package name: type tokens are `connect-associations:index:<Name>`. */
export const PACKAGE = "connect-associations";
/** The Python package of the generated SDK. */
export const PYTHON_PACKAGE = "pulumi_connect_associations";
/**
 * The npm package of the generated Node.js SDK: scoped, so it never clashes with the npm package
 * `pulumi-connect-associations` of the dynamic resources.
 */
export const NODE_PACKAGE = "@pulumi-connect-associations/connect-associations";

const token = (name: string): string => `${PACKAGE}:index:${name}`;

interface PackageJson {
  version: string;
  license: string;
  repository: { url: string };
  homepage: string;
  peerDependencies: Record<string, string>;
}

/** `git+https://github.com/<owner>/<repo>.git` → `https://github.com/<owner>/<repo>`. */
function repositoryUrl(url: string): string {
  return url.replace(/^git\+/, "").replace(/\.git$/, "");
}

function sorted(object: ObjectSpec): ObjectSpec {
  return object.required && object.required.length > 0
    ? { properties: object.properties, required: [...object.required].sort() }
    : { properties: object.properties };
}

/** The type of a declared property: `declare readonly x: pulumi.Output<T>` of a resource class. */
function outputSymbols(checker: ts.TypeChecker, declaration: ts.ClassDeclaration): ts.Symbol[] {
  return declaration.members
    .filter(
      (m): m is ts.PropertyDeclaration =>
        ts.isPropertyDeclaration(m) && (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Ambient) !== 0,
    )
    .map((m) => {
      const symbol = checker.getSymbolAtLocation(m.name);
      if (!symbol) throw new Error(`cannot resolve ${m.name.getText()}`);
      return symbol;
    });
}

/**
 * The inputs of a resource: the properties of its constructor's `args` type. A union of variants
 * (`BotAssociationArgs = LexBot… | LexV2Bot…`) is one object holding every variant's properties,
 * each required only when every variant requires it; a property a variant forbids (`never`) adds
 * that variant's doc to the property's description (e.g. "Not with `lexV2Bot`").
 */
function inputsOf(types: SchemaTypes, checker: ts.TypeChecker, resource: ResourceSource): ObjectSpec {
  const ctor = resource.declaration.members.find(ts.isConstructorDeclaration);
  const argsType = ctor?.parameters.find((p) => p.name.getText() === "args")?.type;
  if (!argsType || !ts.isTypeReferenceNode(argsType))
    throw new Error(`${resource.name}: no args parameter type`);
  const argsSymbol = types.referenced(argsType);
  const argsDecl = argsSymbol.declarations?.[0];
  const variants =
    argsDecl && ts.isTypeAliasDeclaration(argsDecl) && ts.isUnionTypeNode(argsDecl.type)
      ? argsDecl.type.types.map((t) => {
          if (!ts.isTypeReferenceNode(t))
            throw new Error(`${resource.name}: a variant of its args is not named`);
          return types.referenced(t);
        })
      : [argsSymbol];
  const perVariant = variants.map((v) => {
    const symbols = types.interfaceProperties(v);
    return { symbols, object: types.objectOf(symbols, resource.name) };
  });
  const properties: ObjectSpec["properties"] = {};
  for (const { object } of perVariant) {
    for (const [name, spec] of Object.entries(object.properties)) properties[name] ??= { ...spec };
  }
  for (const { symbols, object } of perVariant) {
    for (const symbol of symbols) {
      const property = properties[symbol.name];
      if (object.properties[symbol.name] || !property) continue;
      const forbidden = descriptionOf(symbol, checker);
      if (forbidden)
        property.description = property.description ? `${property.description} ${forbidden}` : forbidden;
    }
  }
  const required = Object.keys(properties).filter((name) =>
    perVariant.every(({ object }) => object.required?.includes(name)),
  );
  return { properties, required };
}

function resourceSpec(types: SchemaTypes, checker: ts.TypeChecker, resource: ResourceSource): ResourceSpec {
  const inputs = sorted(inputsOf(types, checker, resource));
  const outputs = sorted(types.objectOf(outputSymbols(checker, resource.declaration), resource.name));
  const classSymbol = resource.declaration.name && checker.getSymbolAtLocation(resource.declaration.name);
  const spec: ResourceSpec = { inputProperties: inputs.properties, properties: outputs.properties };
  const description = classSymbol && descriptionOf(classSymbol, checker);
  if (description) spec.description = description;
  if (inputs.required) spec.requiredInputs = inputs.required;
  if (outputs.required) spec.required = outputs.required;
  return spec;
}

/** A function's inputs (its one parameter's type) and outputs (what its Promise resolves to). */
function functionSpec(
  types: SchemaTypes,
  checker: ts.TypeChecker,
  declaration: ts.FunctionDeclaration,
): FunctionSpec {
  const name = declaration.name?.text ?? "function";
  const objectOfNode = (node: ts.TypeNode | undefined, what: string): ObjectSpec => {
    while (node && ts.isTypeReferenceNode(node) && node.typeName.getText() === "Promise")
      node = node.typeArguments?.[0];
    if (!node || !ts.isTypeReferenceNode(node))
      throw new Error(`${name}: its ${what} type is not a named interface`);
    return sorted(types.objectOf(types.interfaceProperties(types.referenced(node)), name));
  };
  const spec: FunctionSpec = {
    inputs: objectOfNode(declaration.parameters[0]?.type, "argument"),
    outputs: objectOfNode(declaration.type, "result"),
  };
  const symbol = declaration.name && checker.getSymbolAtLocation(declaration.name);
  const description = symbol && descriptionOf(symbol, checker);
  if (description) spec.description = description;
  return spec;
}

/**
 * The plugin's package schema, generated from the TypeScript sources under `root`: the registry's
 * resources with their Args and outputs, `getFlowAssociations`, and `PluginConfig` as both the
 * stack configuration and the explicit provider's inputs.
 */
export function generateSchema(root: string): PackageSpec {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
  const program = sourceProgram(root);
  const checker = program.getTypeChecker();
  const types = new SchemaTypes(checker, token);

  const resources: Record<string, ResourceSpec> = {};
  for (const resource of registryResources(program, root))
    resources[token(resource.name)] = resourceSpec(types, checker, resource);

  const fn = functionSource(program, root);
  const functions = { [token(fn.name?.text ?? "")]: functionSpec(types, checker, fn) };

  const configDecl = configSource(program, root);
  const configSymbol = checker.getSymbolAtLocation(configDecl.name);
  if (!configSymbol) throw new Error("cannot resolve PluginConfig");
  const config = types.objectOf(types.interfaceProperties(configSymbol), "Config");

  const repository = repositoryUrl(pkg.repository.url);
  const pulumiRange = pkg.peerDependencies["@pulumi/pulumi"];
  if (!pulumiRange) throw new Error("package.json has no peer dependency on @pulumi/pulumi");
  const minimumPulumi = /^>=\s*(\S+)/.exec(pulumiRange)?.[1];
  if (!minimumPulumi) throw new Error(`cannot read a minimum version from @pulumi/pulumi ${pulumiRange}`);

  return {
    name: PACKAGE,
    displayName: "Amazon Connect associations",
    version: pkg.version,
    description:
      "Amazon Connect associations (Lex bots, security profiles, workspaces, flows) and Customer Profiles object deletions.",
    keywords: ["pulumi", "aws", "amazon-connect", "category/cloud", "kind/native"],
    license: pkg.license,
    repository,
    homepage: repository,
    // The GitHub releases of the repository, where the release workflow would upload the tarballs
    // of `npm run plugin`: `github://api.github.com/<owner>/<repo>`.
    pluginDownloadURL: `github://api.github.com/${new URL(repository).pathname.slice(1)}`,
    config: { variables: config.properties },
    provider: {
      description: `The provider of ${PACKAGE}: one AWS account and Region, and how to reach it.`,
      inputProperties: config.properties,
    },
    types: types.types,
    resources,
    functions,
    language: {
      nodejs: {
        packageName: NODE_PACKAGE,
        packageDescription:
          "Amazon Connect associations for Pulumi, served by the connect-associations provider plugin.",
        dependencies: { "@pulumi/pulumi": `^${minimumPulumi}` },
        respectSchemaVersion: true,
      },
      python: {
        packageName: PYTHON_PACKAGE,
        requires: { pulumi: `>=${minimumPulumi},<4.0.0` },
        respectSchemaVersion: true,
        pyproject: { enabled: true },
      },
    },
  };
}

/** Object keys sorted at every depth (arrays keep their order), so the file changes only when the schema does. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The schema as written to src/plugin/schema.json: sorted keys, 2-space indent, a final newline. */
export function schemaText(schema: PackageSpec): string {
  return `${JSON.stringify(stable(schema), null, 2)}\n`;
}
