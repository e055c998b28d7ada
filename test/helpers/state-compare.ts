import type { EmulatorState } from "../../src/emulator/state";
import type { StackExport } from "./pulumi";
import { EXTRACTORS } from "./state-keys";

/** What a stack's state and the emulator disagree on; all empty when they tell the same story. */
export interface Discrepancies {
  /** In the emulator, not in state (nor there before the stack ran): something we made and lost track of. */
  orphans: string[];
  /**
   * In state, not in the emulator: state claims what does not exist. For a deletion, state claims
   * an object is gone that the emulator still holds.
   */
  missing: string[];
  /** Claimed twice in state, or held twice in the emulator. */
  duplicates: string[];
}

function dupes(keys: string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const k of keys) (seen.has(k) ? out : seen).add(k);
  return [...out];
}

/**
 * Compares every association the stack's state records with what the emulator holds. `baseline` is
 * the emulator's state before the stack ran: what it already held (a user's existing profiles, say)
 * is not the stack's, so it is no orphan.
 */
export function compareStateWithEmulator(
  stack: StackExport,
  emulator: EmulatorState,
  baseline?: EmulatorState,
): Discrepancies {
  const claimed = { present: [] as string[], absent: [] as string[] };
  for (const r of stack.deployment.resources ?? []) {
    const x = EXTRACTORS[r.type];
    if (x && r.outputs) claimed[x.claims].push(...x.fromState(r.outputs));
  }
  const held = (s: EmulatorState, claims: "present" | "absent") =>
    Object.values(EXTRACTORS)
      .filter((x) => x.claims === claims)
      .flatMap((x) => x.fromEmulator(s));
  const associations = held(emulator, "present");
  const objects = new Set(held(emulator, "absent"));
  const before = new Set(baseline ? held(baseline, "present") : []);
  const inState = new Set(claimed.present);
  const inEmulator = new Set(associations);
  return {
    orphans: [...inEmulator].filter((k) => !inState.has(k) && !before.has(k)),
    missing: [
      ...[...inState].filter((k) => !inEmulator.has(k)),
      ...claimed.absent.filter((k) => objects.has(k)),
    ],
    duplicates: [...dupes(claimed.present), ...dupes(claimed.absent), ...dupes(associations)],
  };
}
