import type { ResourceTypeName } from "./registry";

/** The namespace of every type token: the Node dynamic provider's package, then `connect:`. */
const TYPE_PREFIX = "pulumi-nodejs:dynamic/connect:";

/** The type token of a resource class, e.g. `pulumi-nodejs:dynamic/connect:BotAssociation`. */
export function typeToken(type: ResourceTypeName): string {
  return `${TYPE_PREFIX}${type}`;
}

/** The class name in a type token of ours, or undefined for any other resource type. */
export function typeNameOf(token: string): string | undefined {
  return token.startsWith(TYPE_PREFIX) ? token.slice(TYPE_PREFIX.length) : undefined;
}

/**
 * The `__provider` text of a resource type: the only code stored in state. The Node dynamic
 * provider evaluates it and calls `handler()` for the provider object. It names the installed
 * package's entry and captures nothing: no SDK, no settings, no endpoint, no credential, no machine
 * path; it is about 120 bytes and the same in every version, so refresh and destroy always run the
 * package installed next to the program. (Closure serialization of a provider object would copy
 * each method with a wrapper and exceed 2 KB for seven methods.) The module path it names is kept
 * for as long as state written by 0.1.0 exists: see src/providers/runtime.ts.
 */
export function providerText(type: ResourceTypeName): string {
  return `exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.${type};\n`;
}
