import type * as dynamic from "@pulumi/pulumi/dynamic";
import { botAssociationProvider } from "./bot-association";
import { configureProcess, processContext } from "./context";

/**
 * What the serialized entries (./entry.ts) call inside the provider process. Kept out of the
 * serialized text so that `__provider` stays tiny and a package upgrade reaches refresh and destroy.
 */
const factories = {
  BotAssociation: botAssociationProvider,
} as const;

export type ResourceTypeName = keyof typeof factories;

export async function configure(req: dynamic.ConfigureRequest): Promise<void> {
  configureProcess(req.config);
}

export function provider(type: ResourceTypeName): dynamic.ResourceProvider {
  return factories[type](processContext());
}
