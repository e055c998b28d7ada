import type { EmulatorState } from "../../src/emulator/state";
import type { StackExport } from "./pulumi";

/** What a stack's state and the emulator disagree on; all empty when they tell the same story. */
export interface Discrepancies {
  /** In the emulator, not in state: something we made and lost track of. */
  orphans: string[];
  /** In state, not in the emulator: state claims what does not exist. */
  missing: string[];
  /** Held twice, in state or in the emulator. */
  duplicates: string[];
}

type Extractor = {
  fromState: (outputs: Record<string, unknown>) => string[];
  fromEmulator: (state: EmulatorState) => string[];
};

/** Per resource type, the associations it stands for, as comparable keys. */
const extractors: Record<string, Extractor> = {
  "pulumi-nodejs:dynamic/connect:BotAssociation": {
    fromState: (o) => [String(o["associationId"])],
    fromEmulator: (s) =>
      s.connect.instances.flatMap((i) => [
        ...i.associatedLexBots.map((b) => `${i.id}|V1|${b.region}|${b.name}`),
        ...i.associatedLexV2Bots.map((a) => `${i.id}|V2|${a}`),
      ]),
  },
};

function dupes(keys: string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const k of keys) (seen.has(k) ? out : seen).add(k);
  return [...out];
}

/** Compares every association the stack's state records with what the emulator holds. */
export function compareStateWithEmulator(stack: StackExport, emulator: EmulatorState): Discrepancies {
  const inState: string[] = [];
  for (const r of stack.deployment.resources ?? []) {
    const x = extractors[r.type];
    if (x && r.outputs) inState.push(...x.fromState(r.outputs));
  }
  const inEmulator = Object.values(extractors).flatMap((x) => x.fromEmulator(emulator));
  const s = new Set(inState);
  const e = new Set(inEmulator);
  return {
    orphans: [...e].filter((k) => !s.has(k)),
    missing: [...s].filter((k) => !e.has(k)),
    duplicates: [...dupes(inState), ...dupes(inEmulator)],
  };
}
