import type { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { guardAccount } from "../runtime/account-guard";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { UNKNOWN } from "../validation/unknown";
import { inPluginTerms } from "./config";
import { detailedDiff, type PluginDiff } from "./diff";
import { fromStruct, pick, unwrapSecrets, wrapSecrets, type PropertyPath } from "./properties";
import { inputPropertyNames, outputOnlyNames } from "./schema";
import { definitionOfUrn, tokenOfUrn } from "./tokens";

/*
 * The resource steps of the plugin, on plain values: each runs the registry's lifecycle for the
 * URN's type (../runtime/registry.ts), exactly as the dynamic face does (../runtime/entries.ts),
 * the account guard first for every mutating step. This file only translates: secrets are
 * unwrapped for the lifecycle and wrapped again on the same paths in what goes back.
 */

/** Properties as they arrive: a Struct, its plain values, and where its secrets were. */
function unwrapped(s: Struct | undefined): { value: Record<string, unknown>; secrets: PropertyPath[] } {
  return unwrapSecrets(fromStruct(s));
}

/** The steps of one provider process, with the context Configure built. */
export class ResourceSteps {
  constructor(private readonly ctx: () => ProviderContext) {}

  private lifecycle(urn: string): Lifecycle {
    return definitionOfUrn(urn).lifecycle(this.ctx());
  }

  /**
   * Check: the lifecycle's validation (no AWS call); failures name the property, and the plugin's
   * keys where the lifecycle names stack config (`connect-associations:region`).
   */
  async check(
    urn: string,
    olds: Struct | undefined,
    news: Struct | undefined,
  ): Promise<{ inputs: Record<string, unknown>; failures: { property: string; reason: string }[] }> {
    const n = unwrapped(news);
    const r = await this.lifecycle(urn).check(unwrapped(olds).value, n.value);
    return {
      inputs: wrapSecrets(r.inputs ?? n.value, n.secrets),
      failures: (r.failures ?? []).map((f) => ({
        property: String(f.property),
        reason: inPluginTerms(f.reason),
      })),
    };
  }

  /**
   * Diff: the lifecycle's verdict on the old outputs and the new inputs, with one entry per
   * changed input property (compared with the old inputs, or the old outputs' input properties).
   */
  async diff(
    id: string,
    urn: string,
    olds: Struct | undefined,
    news: Struct | undefined,
    oldInputs: Struct | undefined,
  ): Promise<PluginDiff> {
    const o = unwrapped(olds).value;
    const n = unwrapped(news).value;
    const names = inputPropertyNames(tokenOfUrn(urn));
    const before = unwrapped(oldInputs).value;
    const r = await this.lifecycle(urn).diff(id, o, n);
    const outcome = {
      changes: r.changes ?? false,
      replaces: r.replaces ?? [],
      deleteBeforeReplace: r.deleteBeforeReplace ?? false,
    };
    return detailedDiff(outcome, Object.keys(before).length > 0 ? before : pick(o, names), n, names);
  }

  /**
   * Create; in a preview only the checked inputs, with the output-only properties unknown (no AWS
   * call). Otherwise the account guard, then the lifecycle's create.
   */
  async create(
    urn: string,
    properties: Struct | undefined,
    preview: boolean,
  ): Promise<{ id: string; properties: Record<string, unknown> }> {
    const p = unwrapped(properties);
    if (preview) {
      const unknowns = Object.fromEntries(outputOnlyNames(tokenOfUrn(urn)).map((k) => [k, UNKNOWN]));
      return { id: "", properties: wrapSecrets({ ...unknowns, ...p.value }, p.secrets) };
    }
    const ctx = this.ctx();
    await guardAccount(ctx, p.value);
    const r = await this.lifecycle(urn).create(p.value);
    return { id: r.id, properties: wrapSecrets(r.outs ?? {}, p.secrets) };
  }

  /**
   * Read (refresh, import): the lifecycle's read of the recorded outputs, or of none at all for
   * `pulumi import`, where the lifecycle derives them from the id and what AWS holds. The inputs
   * are the lifecycle's (else the outputs') input properties; an empty id means the resource is gone.
   */
  async read(
    id: string,
    urn: string,
    properties: Struct | undefined,
    inputs: Struct | undefined,
  ): Promise<{ id: string; properties: Record<string, unknown>; inputs: Record<string, unknown> }> {
    const p = unwrapped(properties);
    const secrets = [...p.secrets, ...unwrapped(inputs).secrets];
    const r = await this.lifecycle(urn).read(id, p.value);
    if (!r.id) return { id: "", properties: {}, inputs: {} };
    const outputs = r.props ?? {};
    const declared = (r as { inputs?: Record<string, unknown> }).inputs ?? outputs;
    return {
      id: r.id,
      properties: wrapSecrets(outputs, secrets),
      inputs: wrapSecrets(pick(declared, inputPropertyNames(tokenOfUrn(urn))), secrets),
    };
  }

  /**
   * Update; in a preview the old outputs overlaid with the new inputs (no AWS call). Otherwise the
   * account guard on the new inputs, then the lifecycle's update.
   */
  async update(
    id: string,
    urn: string,
    olds: Struct | undefined,
    news: Struct | undefined,
    preview: boolean,
  ): Promise<Record<string, unknown>> {
    const o = unwrapped(olds);
    const n = unwrapped(news);
    // The new inputs say what is secret; an old output the update keeps stays as it was.
    const kept = o.secrets.filter((path) => !(String(path[0]) in n.value));
    const secrets = [...kept, ...n.secrets];
    if (preview) return wrapSecrets({ ...o.value, ...n.value }, secrets);
    const ctx = this.ctx();
    await guardAccount(ctx, n.value);
    const r = await this.lifecycle(urn).update(id, o.value, n.value);
    return wrapSecrets(r.outs ?? {}, secrets);
  }

  /** Delete: the account guard on the recorded outputs, then the lifecycle's delete. */
  async delete(id: string, urn: string, properties: Struct | undefined): Promise<void> {
    const p = unwrapped(properties).value;
    const ctx = this.ctx();
    await guardAccount(ctx, p);
    await this.lifecycle(urn).delete(id, p);
  }
}
