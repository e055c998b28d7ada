import type { RunningEmulator } from "../../src/emulator";
import { admin } from "./emulator";

/** How an SDK call failed: AWS's error name, HTTP status and message. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error("expected the call to fail");
}

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
