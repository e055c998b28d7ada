import type { RunningEmulator } from "../../src/emulator";
import { admin } from "./emulator";

/** The emulator's call and error counts (without the metrics' timestamps, which vary). */
export async function callsAndErrors(
  em: RunningEmulator,
): Promise<{ calls: Record<string, number>; errors: Record<string, Record<string, number>> }> {
  const m = (await admin(em, "GET", "/_emulator/metrics")) as {
    calls: Record<string, number>;
    errors: Record<string, Record<string, number>>;
  };
  return { calls: m.calls, errors: m.errors };
}
