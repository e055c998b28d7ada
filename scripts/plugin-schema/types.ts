import ts from "typescript";
import { defaultTagOf, descriptionOf, hasTag } from "./docs";
import type { ComplexTypeSpec, ObjectSpec, PropertySpec, TypeSpec } from "./spec";

/** A property's type and whether the TypeScript type lets it be absent. */
interface Mapped {
  spec: TypeSpec;
  optional: boolean;
}

/** `pulumi.Input<T>`, `pulumi.Output<T>` and `Promise<T>` stand for T in every language. */
const WRAPPERS = new Set(["Input", "Output", "Promise"]);

/** `LexBotArgs` → `LexBot`, `PluginRateLimit` → `RateLimit`: the suffix and prefix are TypeScript-side naming. */
export function schemaTypeName(tsName: string): string {
  return tsName.replace(/^Plugin(?=[A-Z])/, "").replace(/Args$/, "");
}

const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function lastName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

function unwrap(node: ts.TypeNode): ts.TypeNode {
  for (;;) {
    if (ts.isParenthesizedTypeNode(node)) node = node.type;
    else if (
      ts.isTypeReferenceNode(node) &&
      WRAPPERS.has(lastName(node.typeName)) &&
      node.typeArguments?.length === 1 &&
      node.typeArguments[0]
    )
      node = node.typeArguments[0];
    else return node;
  }
}

const isAbsent = (node: ts.TypeNode): boolean =>
  node.kind === ts.SyntaxKind.UndefinedKeyword ||
  (ts.isLiteralTypeNode(node) && node.literal.kind === ts.SyntaxKind.NullKeyword);

/**
 * Maps TypeScript declarations to schema property specs, and collects the object and enum types
 * they refer to under `types`. Object types are one schema type for inputs and outputs (as in every
 * Pulumi package): an anonymous object type of an output with the same property names as a named
 * input type is that type, and a property is required only when it is required on both sides, so
 * inputs must be mapped before the outputs that reuse their types.
 */
export class SchemaTypes {
  /** The `types` section, by token. */
  readonly types: Record<string, ComplexTypeSpec> = {};
  /** The TypeScript symbol each token was made from, so two different types never share a token. */
  private readonly origins = new Map<string, ts.Symbol | string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly token: (name: string) => string,
  ) {}

  /**
   * The properties of an object type's symbols. `context` names anonymous types found inside them
   * (`<context><Property>`); properties typed `never` (forbidden in a variant) are left out.
   */
  objectOf(symbols: readonly ts.Symbol[], context: string): ObjectSpec {
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const symbol of symbols) {
      const mapped = this.propertyOf(symbol, context);
      if (!mapped) continue;
      properties[symbol.name] = mapped.spec;
      if (!mapped.optional) required.push(symbol.name);
    }
    return { properties, required };
  }

  /**
   * One property: its type, TSDoc, `@default`, `@integer` (a `number` typed `integer`) and `@secret`
   * (`"secret": true`); undefined for a `never` property.
   */
  propertyOf(symbol: ts.Symbol, context: string): { spec: PropertySpec; optional: boolean } | undefined {
    const where = `${context}.${symbol.name}`;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!decl || !(ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl)) || !decl.type)
      throw new Error(`${where}: a property with a written type was expected`);
    const mapped = this.typeOf(decl.type, context + pascal(symbol.name));
    if (!mapped) return undefined;
    const spec: PropertySpec = { ...mapped.spec };
    if (hasTag(symbol, this.checker, "integer")) {
      if (spec.type !== "number") throw new Error(`${where}: @integer is supported on numbers only`);
      spec.type = "integer";
    }
    if (hasTag(symbol, this.checker, "secret")) spec.secret = true;
    const description = descriptionOf(symbol, this.checker);
    if (description) spec.description = description;
    const defaultText = defaultTagOf(symbol, this.checker);
    if (defaultText !== undefined) spec.default = this.defaultValue(defaultText, spec, where);
    return { spec, optional: mapped.optional || decl.questionToken !== undefined };
  }

  /** The properties of an interface (its own and inherited ones). */
  interfaceProperties(symbol: ts.Symbol): ts.Symbol[] {
    return this.checker.getPropertiesOfType(this.checker.getDeclaredTypeOfSymbol(symbol));
  }

  /** The symbol a type reference names, through imports. */
  referenced(node: ts.TypeReferenceNode): ts.Symbol {
    const symbol = this.checker.getSymbolAtLocation(node.typeName);
    if (!symbol) throw new Error(`cannot resolve the type ${node.typeName.getText()}`);
    return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
  }

  /** The schema type of a type node; undefined for `never`. */
  typeOf(node: ts.TypeNode, context: string): Mapped | undefined {
    node = unwrap(node);
    switch (node.kind) {
      case ts.SyntaxKind.NeverKeyword:
        return undefined;
      case ts.SyntaxKind.StringKeyword:
        return { spec: { type: "string" }, optional: false };
      case ts.SyntaxKind.NumberKeyword:
        return { spec: { type: "number" }, optional: false };
      case ts.SyntaxKind.BooleanKeyword:
        return { spec: { type: "boolean" }, optional: false };
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.AnyKeyword:
        return { spec: { $ref: "pulumi.json#/Any" }, optional: true };
    }
    if (ts.isUnionTypeNode(node)) return this.unionOf(node, context);
    if (ts.isArrayTypeNode(node)) return this.arrayOf(node.elementType, context);
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword)
      return this.typeOf(node.type, context);
    if (ts.isTypeLiteralNode(node)) return { spec: this.anonymousObject(node, context), optional: false };
    if (ts.isTypeReferenceNode(node)) return this.referenceOf(node, context);
    throw new Error(`${context}: the type ${node.getText()} has no schema mapping`);
  }

  private arrayOf(element: ts.TypeNode, context: string): Mapped {
    const items = this.typeOf(element, context);
    if (!items) throw new Error(`${context}: an array of never`);
    return { spec: { type: "array", items: items.spec }, optional: false };
  }

  private unionOf(node: ts.UnionTypeNode, context: string): Mapped | undefined {
    const members = node.types.map(unwrap);
    const optional = members.some(isAbsent);
    const rest = members.filter((m) => !isAbsent(m));
    if (rest.length > 0 && rest.every((m) => ts.isLiteralTypeNode(m) && ts.isStringLiteral(m.literal))) {
      const values = rest.map((m) => ((m as ts.LiteralTypeNode).literal as ts.StringLiteral).text);
      return { spec: this.enumOf(context, values, undefined, context), optional };
    }
    if (rest.length !== 1 || !rest[0])
      throw new Error(`${context}: the union ${node.getText()} has no schema mapping`);
    const mapped = this.typeOf(rest[0], context);
    return mapped && { spec: mapped.spec, optional: optional || mapped.optional };
  }

  private referenceOf(node: ts.TypeReferenceNode, context: string): Mapped | undefined {
    const name = lastName(node.typeName);
    const args = node.typeArguments ?? [];
    if ((name === "Array" || name === "ReadonlyArray") && args[0]) return this.arrayOf(args[0], context);
    if (name === "Record" && args[1]) {
      const values = this.typeOf(args[1], context);
      if (!values) throw new Error(`${context}: a map of never`);
      return { spec: { type: "object", additionalProperties: values.spec }, optional: false };
    }
    const symbol = this.referenced(node);
    const decl = symbol.declarations?.[0];
    if (decl && ts.isInterfaceDeclaration(decl)) return { spec: this.namedObject(symbol), optional: false };
    if (decl && ts.isTypeAliasDeclaration(decl)) {
      const values = this.stringLiterals(decl);
      if (values)
        return { spec: this.enumOf(schemaTypeName(symbol.name), values, symbol, context), optional: false };
      return this.typeOf(decl.type, context);
    }
    throw new Error(`${context}: the type ${node.getText()} has no schema mapping`);
  }

  /** A type alias's string literals, in the order written (else the compiler's), when it is a union of them. */
  private stringLiterals(decl: ts.TypeAliasDeclaration): string[] | undefined {
    if (ts.isUnionTypeNode(decl.type)) {
      const written = decl.type.types.map((t) =>
        ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : undefined,
      );
      if (written.every((v) => v !== undefined)) return written as string[];
    }
    const type = this.checker.getTypeFromTypeNode(decl.type);
    const members = type.isUnion() ? type.types : [type];
    if (!members.every((m) => m.isStringLiteral())) return undefined;
    return members.map((m) => (m as ts.StringLiteralType).value);
  }

  private claim(token: string, origin: ts.Symbol | string): boolean {
    const known = this.origins.get(token);
    if (known === undefined) {
      this.origins.set(token, origin);
      return true;
    }
    if (known !== origin) throw new Error(`two different TypeScript types map to the schema type ${token}`);
    return false;
  }

  private enumOf(name: string, values: string[], origin: ts.Symbol | undefined, context: string): TypeSpec {
    const token = this.token(name);
    const fresh = this.claim(token, origin ?? `enum ${values.join("|")}`);
    if (fresh) {
      const spec: ComplexTypeSpec = { type: "string", enum: values.map((value) => ({ value })) };
      const description = origin && descriptionOf(origin, this.checker);
      if (description) spec.description = description;
      this.types[token] = spec;
    } else if (JSON.stringify(this.types[token]?.enum) !== JSON.stringify(values.map((value) => ({ value }))))
      throw new Error(`${context}: the enum ${token} has other values elsewhere`);
    return { type: "string", $ref: `#/types/${token}` };
  }

  private namedObject(symbol: ts.Symbol): TypeSpec {
    const token = this.token(schemaTypeName(symbol.name));
    if (this.claim(token, symbol)) {
      const object = this.objectOf(this.interfaceProperties(symbol), schemaTypeName(symbol.name));
      const spec: ComplexTypeSpec = { type: "object", properties: object.properties };
      if (object.required && object.required.length > 0) spec.required = [...object.required].sort();
      const description = descriptionOf(symbol, this.checker);
      if (description) spec.description = description;
      this.types[token] = spec;
    }
    return { $ref: `#/types/${token}` };
  }

  /** An inline object type: a known object type with the same property names, else one named by its context. */
  private anonymousObject(node: ts.TypeLiteralNode, context: string): TypeSpec {
    const symbols = this.checker.getPropertiesOfType(this.checker.getTypeFromTypeNode(node));
    const object = this.objectOf(symbols, context);
    const names = Object.keys(object.properties).sort().join(",");
    for (const [token, known] of Object.entries(this.types)) {
      if (
        known.type !== "object" ||
        Object.keys(known.properties ?? {})
          .sort()
          .join(",") !== names
      )
        continue;
      const required = (known.required ?? []).filter((r) => object.required?.includes(r));
      if (required.length > 0) known.required = required;
      else delete known.required;
      return { $ref: `#/types/${token}` };
    }
    const token = this.token(context);
    this.claim(token, `object ${context}`);
    const spec: ComplexTypeSpec = { type: "object", properties: object.properties };
    if (object.required && object.required.length > 0) spec.required = [...object.required].sort();
    this.types[token] = spec;
    return { $ref: `#/types/${token}` };
  }

  private defaultValue(text: string, spec: TypeSpec, where: string): string | number | boolean {
    if (spec.type === "number" || spec.type === "integer") {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${where}: @default ${text} is not a number`);
      if (spec.type === "integer" && !Number.isInteger(n))
        throw new Error(`${where}: @default ${text} is not an integer`);
      return n;
    }
    if (spec.type === "boolean") {
      if (text !== "true" && text !== "false") throw new Error(`${where}: @default ${text} is not a boolean`);
      return text === "true";
    }
    if (spec.type === "string") return text;
    throw new Error(`${where}: @default is supported on strings, numbers and booleans only`);
  }
}
