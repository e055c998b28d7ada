import { definitionOf, RESOURCES } from "../runtime/registry";

/** The plugin's package name: the first part of every type token and config key. */
export const PACKAGE = "connect-associations";

/** The type token of a resource class: `connect-associations:index:BotAssociation`. */
export function resourceToken(type: string): string {
  return `${PACKAGE}:index:${type}`;
}

/** Every resource type token, in registry order. */
export const RESOURCE_TOKENS: readonly string[] = RESOURCES.map((d) => resourceToken(d.type));

/** The token of the one function, served by Invoke. */
export const GET_FLOW_ASSOCIATIONS = `${PACKAGE}:index:getFlowAssociations`;

/** The type token in a URN: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, its last type. */
export function tokenOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.split("$").pop() ?? "";
}

/** The registry's definition behind a resource URN; unknown tokens fail naming them. */
export function definitionOfUrn(urn: string): NonNullable<ReturnType<typeof definitionOf>> {
  const token = tokenOfUrn(urn);
  const prefix = `${PACKAGE}:index:`;
  const definition = token.startsWith(prefix) ? definitionOf(token.slice(prefix.length)) : undefined;
  if (!definition)
    throw new Error(`${token || urn} is not a resource of ${PACKAGE} (${RESOURCE_TOKENS.join(", ")})`);
  return definition;
}
