import type * as dynamic from "@pulumi/pulumi/dynamic";
import { botAssociationProvider } from "../bot-association/provider";
import { securityProfileAssociationProvider } from "../security-profile-association/provider";
import { workspaceAssociationProvider } from "../workspace-association/provider";
import { flowAssociationProvider } from "../flow-association/provider";
import { configureProcess, processContext, type Lifecycle, type ProviderContext } from "./context";
import { profileObjectDeletionProvider } from "../profile-object-deletion/provider";

/**
 * What `__provider` (./entry.ts) resolves to in the provider process: one entry per resource type.
 * `configure` receives the stack configuration before any other step; each step builds the
 * lifecycle with the current context.
 */
const factories = {
  BotAssociation: botAssociationProvider,
  SecurityProfileAssociation: securityProfileAssociationProvider,
  WorkspaceAssociation: workspaceAssociationProvider,
  FlowAssociation: flowAssociationProvider,
  ProfileObjectDeletion: profileObjectDeletionProvider,
} satisfies Record<string, (ctx: ProviderContext) => Lifecycle>;

export type ResourceTypeName = keyof typeof factories;

function entry(type: ResourceTypeName): dynamic.ResourceProvider {
  const p = () => factories[type](processContext());
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

export const entries = Object.fromEntries(
  (Object.keys(factories) as ResourceTypeName[]).map((type) => [type, entry(type)]),
) as Record<ResourceTypeName, dynamic.ResourceProvider>;
