import { DEFAULT_SETTINGS, settingsFromConfig, type ProviderSettings } from "../aws/settings";
import { UNKNOWN, containsUnknown } from "../validation/unknown";
import type { PluginConfig } from "./config-types";
import { detailedDiff, type PluginDiff } from "./diff";
import { unwrapSecrets } from "./properties";
import { PACKAGE } from "./tokens";

/*
 * The plugin's configuration (./config-types.ts) has exactly the meaning of the dynamic resources'
 * `aws:` / `connect:` stack config keys: it is read by the same parsers (../aws/settings.ts), through
 * a ConfigSource that answers each of those keys from the plugin's own, and every error those
 * parsers raise is renamed to the plugin's key.
 */

type PluginKey = keyof PluginConfig;

/** The `aws:` / `connect:` key each plugin key stands for. `endpoint` stands for every service's. */
const KEY_OF: Record<string, PluginKey> = {
  "aws:region": "region",
  "aws:profile": "profile",
  "aws:sharedCredentialsFiles": "sharedCredentialsFiles",
  "aws:assumeRoles": "assumeRoles",
  "aws:allowedAccountIds": "allowedAccountIds",
  "aws:forbiddenAccountIds": "forbiddenAccountIds",
  "aws:endpoints": "endpoint",
  "aws:maxRetries": "maxRetries",
  "connect:consistencyTimeoutSeconds": "consistencyTimeoutSeconds",
  "connect:rateLimits": "rateLimits",
};

/** Every plugin key, in the order of PluginConfig. */
export const PLUGIN_KEYS: readonly PluginKey[] = Object.values(KEY_OF);

/**
 * A plugin configuration value as the parsers read config: a string, lists and objects as JSON. A
 * value not yet known, or holding one (`[{ roleArn: <unknown> }]`), has no text yet: it is left out.
 */
function asConfigText(v: unknown): string | undefined {
  if (v === undefined || v === null || containsUnknown(v)) return undefined;
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}

/**
 * The plugin's configuration as text by plugin key: the stack config `variables`
 * (strings, lists and objects as JSON) overlaid with the provider's `args` (an explicit provider's
 * inputs: real lists and objects, or JSON strings). The engine keys `variables`
 * `connect-associations:config:<key>` (pulumi's provider_plugin.go, Configure); the older
 * `connect-associations:<key>` is read when that one is absent. Values still unknown, or holding
 * one (a preview of a provider whose inputs are not yet known), are left out.
 */
export function pluginConfigText(
  variables: ReadonlyMap<string, string> | Record<string, string>,
  args: Record<string, unknown>,
): Partial<Record<PluginKey, string>> {
  const out: Partial<Record<PluginKey, string>> = {};
  const vars = variables instanceof Map ? Object.fromEntries(variables) : variables;
  for (const key of PLUGIN_KEYS) {
    const text =
      asConfigText(args[key]) ??
      asConfigText(vars[`${PACKAGE}:config:${key}`]) ??
      asConfigText(vars[`${PACKAGE}:${key}`]);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** The parser's key in an error message, replaced with the plugin's key it was read from. */
function renamed(message: string): { key?: PluginKey; message: string } {
  let key: PluginKey | undefined;
  const text = message.replace(
    /(?<![\w:])(?:stack config )?((?:aws|connect):\w+)(?:: (?:connect|customerprofiles|sts)\b)?/g,
    (whole, internal: string) => {
      const k = KEY_OF[internal];
      if (!k) return whole;
      key ??= k;
      return `${PACKAGE}:${k}`;
    },
  );
  return key ? { key, message: text } : { message: text };
}

/**
 * A message of the shared code (a lifecycle's, the account guard's) in the plugin's terms: the
 * `aws:` / `connect:` stack config keys it names become the plugin keys that set them.
 */
export function inPluginTerms(message: string): string {
  return renamed(message).message;
}

/** An error of the plugin's configuration, naming its key (`connect-associations:maxRetries …`). */
export class PluginConfigError extends Error {
  constructor(
    message: string,
    readonly key?: PluginKey,
  ) {
    super(message);
  }
}

/**
 * The provider settings of a plugin configuration: `endpoint` is the endpoint of Connect, Customer
 * Profiles and STS alike; every other key means what its `aws:` / `connect:` counterpart means.
 * A malformed value fails naming the plugin key, never showing a secret value.
 */
export function settingsFromPluginConfig(config: Partial<Record<PluginKey, string>>): ProviderSettings {
  const endpoint = config.endpoint;
  const internal: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(KEY_OF).map(([k, plugin]) => [k, plugin === "endpoint" ? undefined : config[plugin]]),
  );
  if (endpoint !== undefined && endpoint !== "")
    internal["aws:endpoints"] = JSON.stringify({
      connect: endpoint,
      customerprofiles: endpoint,
      sts: endpoint,
    });
  try {
    return { ...DEFAULT_SETTINGS, ...settingsFromConfig({ get: (key) => internal[key] }) };
  } catch (e) {
    const { key, message } = renamed(e instanceof Error ? e.message : String(e));
    throw new PluginConfigError(message, key);
  }
}

/** The provider's inputs, plain (secrets unwrapped), as plugin configuration text. */
function argsText(args: Record<string, unknown>): Partial<Record<PluginKey, string>> {
  return pluginConfigText({}, unwrapSecrets(args).value);
}

/**
 * CheckConfig: the provider's inputs (an explicit provider's, or the default provider's from stack
 * config) read as Configure will read them; a malformed one is a failure naming its property. A
 * value not yet known or holding one (a preview's `assumeRoles: [{ roleArn: <unknown> }]`) is not
 * checked here: it is returned as is, and Configure reads it once it is known.
 */
export function checkConfig(news: Record<string, unknown>): {
  failures: { property: string; reason: string }[];
} {
  try {
    settingsFromPluginConfig(argsText(news));
    return { failures: [] };
  } catch (e) {
    if (!(e instanceof PluginConfigError)) throw e;
    return { failures: [{ property: e.key ?? "", reason: e.message }] };
  }
}

/**
 * DiffConfig: which configuration keys changed, by their meaning (`3` and `"3"` are the same). A
 * change never replaces the provider: its resources stay where they are, and the next step of
 * each acts with the new settings (a resource's own `region` decides where it lives). A key whose
 * new value is not yet known, or holds one, is changing (UPDATE; ADD when it was not set).
 */
export function configDiff(olds: Record<string, unknown>, news: Record<string, unknown>): PluginDiff {
  const before = argsText(olds);
  const plainNews = unwrapSecrets(news).value;
  const after: Partial<Record<PluginKey, string>> = argsText(news);
  for (const k of PLUGIN_KEYS) if (containsUnknown(plainNews[k])) after[k] = UNKNOWN;
  const changed = PLUGIN_KEYS.some((k) => before[k] !== after[k]);
  return detailedDiff(
    { changes: changed, replaces: [], deleteBeforeReplace: false },
    before,
    after,
    PLUGIN_KEYS,
  );
}

/** Configure: the settings of the stack config `variables` overlaid with the provider's `args`. */
export function configure(
  variables: ReadonlyMap<string, string>,
  args: Record<string, unknown>,
): ProviderSettings {
  return settingsFromPluginConfig(pluginConfigText(variables, unwrapSecrets(args).value));
}
