import { DiffResponse, PropertyDiff } from "@pulumi/pulumi/proto/provider_pb";
import type { DiffOutcome } from "../runtime/diff";

/** What a diff answers the engine, before it becomes a DiffResponse. */
export interface PluginDiff extends DiffOutcome {
  /** Input properties whose value stays as it is. */
  stables: string[];
  /** One entry per changed top-level input property. */
  detailedDiff: Record<string, PropertyDiff.Kind>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The property-level diff of a lifecycle's verdict: when it sees changes, each top-level input
 * property that differs between the old inputs and the new ones is ADD (new), DELETE (gone) or
 * UPDATE, and the `_REPLACE` kind when the lifecycle names it among the properties that force a
 * replacement (a replacing property is listed even when only its spelling differs). No changes: no
 * entries, whatever the spelling (the lifecycle decides what is the same, e.g. an id and its ARN).
 */
export function detailedDiff(
  outcome: DiffOutcome,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  inputNames: readonly string[],
): PluginDiff {
  const stables = inputNames.filter((k) => same(olds[k], news[k]));
  const kinds: Record<string, PropertyDiff.Kind> = {};
  if (outcome.changes) {
    for (const k of inputNames) {
      const replaces = outcome.replaces.includes(k);
      if (same(olds[k], news[k]) && !replaces) continue;
      const K = PropertyDiff.Kind;
      if (olds[k] === undefined && news[k] !== undefined) kinds[k] = replaces ? K.ADD_REPLACE : K.ADD;
      else if (news[k] === undefined && olds[k] !== undefined)
        kinds[k] = replaces ? K.DELETE_REPLACE : K.DELETE;
      else kinds[k] = replaces ? K.UPDATE_REPLACE : K.UPDATE;
    }
  }
  return { ...outcome, stables, detailedDiff: kinds };
}

/** The gRPC answer of a diff, with `hasDetailedDiff` so the engine shows exactly these entries. */
export function diffResponse(d: PluginDiff): DiffResponse {
  const res = new DiffResponse();
  res.setChanges(d.changes ? DiffResponse.DiffChanges.DIFF_SOME : DiffResponse.DiffChanges.DIFF_NONE);
  res.setReplacesList(d.replaces);
  res.setStablesList(d.stables);
  res.setDeletebeforereplace(d.deleteBeforeReplace);
  res.setDiffsList(Object.keys(d.detailedDiff));
  res.setHasdetaileddiff(true);
  const map = res.getDetaileddiffMap();
  for (const [k, kind] of Object.entries(d.detailedDiff)) {
    const p = new PropertyDiff();
    p.setKind(kind);
    p.setInputdiff(true);
    map.set(k, p);
  }
  return res;
}
