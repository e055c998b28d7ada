import type * as dynamic from "@pulumi/pulumi/dynamic";
import { guardAccount } from "./account-guard";
import { configureProcess, processContext } from "./context";
import type { ResourceDefinition } from "./definition";
import { RESOURCES, type ResourceTypeName } from "./registry";

/**
 * The provider object of one resource type. `configure` receives the stack configuration before
 * any other step; each step builds the lifecycle with the current context.
 */
function entry(definition: ResourceDefinition): dynamic.ResourceProvider {
  const p = () => definition.lifecycle(processContext());
  // Every mutating step first makes sure it acts in the right account (./account-guard.ts).
  const guarded = async <T>(props: Record<string, unknown>, step: () => Promise<T>): Promise<T> => {
    await guardAccount(processContext(), props);
    return step();
  };
  return {
    async configure(req) {
      configureProcess(req.config);
    },
    check: (olds, news) => p().check(olds, news),
    diff: (id, olds, news) => p().diff(id, olds, news),
    create: (inputs) => guarded(inputs, () => p().create(inputs)),
    read: (id, props) => p().read(id, props),
    update: (id, olds, news) => guarded(news, () => p().update(id, olds, news)),
    delete: (id, props) => guarded(props, () => p().delete(id, props)),
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
