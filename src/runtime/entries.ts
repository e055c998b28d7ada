import type * as dynamic from "@pulumi/pulumi/dynamic";
import { configureProcess, processContext } from "./context";
import type { ResourceDefinition } from "./definition";
import { RESOURCES, type ResourceTypeName } from "./registry";

/**
 * The provider object of one resource type. `configure` receives the stack configuration before
 * any other step; each step builds the lifecycle with the current context.
 */
function entry(definition: ResourceDefinition): dynamic.ResourceProvider {
  const p = () => definition.lifecycle(processContext());
  return {
    async configure(req) {
      configureProcess(req.config);
    },
    check: (olds, news) => p().check(olds, news),
    diff: (id, olds, news) => p().diff(id, olds, news),
    create: (inputs) => p().create(inputs),
    read: (id, props) => p().read(id, props),
    update: (id, olds, news) => p().update(id, olds, news),
    delete: (id, props) => p().delete(id, props),
  };
}

/**
 * What `__provider` (./entry.ts) resolves to in the provider process: one entry per resource type,
 * the same object for every resource of that type.
 */
export const entries = Object.fromEntries(RESOURCES.map((d) => [d.type, entry(d)])) as Record<
  ResourceTypeName,
  dynamic.ResourceProvider
>;
