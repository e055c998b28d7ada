import type { ResourceTypeName } from "./entries";

/**
 * The `__provider` text of a resource type: the only code stored in state. The Node dynamic
 * provider evaluates it and calls `handler()` for the provider object. It names the installed
 * package's entry and captures nothing: no SDK, no settings, no endpoint, no credential, no machine
 * path; it is about 120 bytes and the same in every version, so refresh and destroy always run the
 * package installed next to the program. (Closure serialization of a provider object would copy
 * each method with a wrapper and exceed 2 KB for seven methods.)
 */
export function providerText(type: ResourceTypeName): string {
  return `exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.${type};\n`;
}
