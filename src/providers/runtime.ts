/**
 * The module every stack's `__provider` text requires (`pulumi-connect-associations/providers/runtime`,
 * since 0.1.0): it must keep this path and its `entries` export for as long as such state exists.
 * The entries themselves are built from the registry in ../runtime/.
 */
export { entries } from "../runtime/entries";
