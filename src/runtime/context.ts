import { Clients } from "../aws/clients";
import { Snapshots } from "./snapshots";
import {
  DEFAULT_SETTINGS,
  settingsFromConfig,
  type ConfigSource,
  type ProviderSettings,
} from "../aws/settings";

/** What a provider needs from its process: settings from the stack config and shared AWS clients. */
export interface ProviderContext {
  settings: ProviderSettings;
  clients: Clients;
  /** Listings shared by the reads of one engine operation. */
  snapshots: Snapshots;
}

export function makeContext(settings: Partial<ProviderSettings> = {}): ProviderContext {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  return { settings: s, clients: new Clients(s), snapshots: new Snapshots() };
}

let current: ProviderContext = makeContext();

/** The provider process's context, replaced by each `configure` call from the engine. */
export function processContext(): ProviderContext {
  return current;
}

/**
 * The engine calls `configure` once per `__provider` text, so once per resource type, possibly
 * between the reads of one refresh. The same settings keep the current context, with its clients
 * and its snapshots; only a real change of settings starts afresh.
 */
export function configureProcess(config: ConfigSource): void {
  const settings = { ...DEFAULT_SETTINGS, ...settingsFromConfig(config) };
  if (JSON.stringify(settings) !== JSON.stringify(current.settings)) current = makeContext(settings);
}

/** A resource's lifecycle: every step a dynamic provider can have, all of them implemented. */
export type Lifecycle = Required<
  Pick<
    import("@pulumi/pulumi/dynamic").ResourceProvider,
    "check" | "diff" | "create" | "read" | "update" | "delete"
  >
>;
