import ts from "typescript";

/*
 * Descriptions and defaults from TSDoc: the same text that the TypeScript API reference shows, so a
 * doc comment is written once and every language's SDK carries it.
 */

/**
 * Paragraphs about the TypeScript face only, which would mislead a user of the plugin: how the
 * Node dynamic resource stores its provider, and that a function runs in the program's process
 * (the plugin runs it in the provider).
 */
const TYPESCRIPT_ONLY = [/pulumi-nodejs:dynamic/, /^Runs in the program process/];

/** `{@link X}` as `` `X` ``: the linked name is a TypeScript symbol, not a link of the schema. */
function partsText(parts: readonly ts.SymbolDisplayPart[]): string {
  let text = "";
  let inLink = false;
  for (const part of parts) {
    if (part.kind === "link") {
      inLink = !inLink;
      text += "`";
    } else if (inLink && part.kind === "linkText") {
      // `{@link Foo.bar}` gives linkName `Foo.bar`; a link text, when there is one, replaces it.
      text = text.replace(/`[^`]*$/, "`") + part.text.trim();
    } else text += part.text;
  }
  return text;
}

/** The symbol's TSDoc without its tags and without TypeScript-only paragraphs; undefined when there is none. */
export function descriptionOf(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const text = partsText(symbol.getDocumentationComment(checker));
  const kept = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "" && !TYPESCRIPT_ONLY.some((re) => re.test(p)));
  return kept.length > 0 ? kept.join("\n\n") : undefined;
}

/** The text of the symbol's `@default` tag, when it has one. */
export function defaultTagOf(symbol: ts.Symbol, checker: ts.TypeChecker): string | undefined {
  const tag = symbol.getJsDocTags(checker).find((t) => t.name === "default");
  return tag?.text ? partsText(tag.text).trim() : undefined;
}

/**
 * Whether the symbol's TSDoc has the tag `@<name>`, e.g. `@secret` (the schema marks the property
 * secret, so the engine encrypts it in state even when a program gives it in plain text) or
 * `@integer` (a `number` that is a whole number: `int` in Python). A tag's own text, such as why
 * it is there, is for the TypeScript reader and never reaches the schema.
 */
export function hasTag(symbol: ts.Symbol, checker: ts.TypeChecker, name: "secret" | "integer"): boolean {
  return symbol.getJsDocTags(checker).some((t) => t.name === name);
}
