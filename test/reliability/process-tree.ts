import { execFileSync } from "node:child_process";

export interface ProcessInfo {
  pid: number;
  ppid: number;
  args: string;
}

function processes(): ProcessInfo[] {
  return execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] ?? "" }));
}

/** Every process below `root` (not `root` itself), found through parent ids. */
export function descendants(root: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  let frontier = [root];
  while (frontier.length > 0) {
    const next = all.filter((p) => frontier.includes(p.ppid));
    found.push(...next);
    frontier = next.map((p) => p.pid);
  }
  return found;
}

/** Whether `pid` still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGKILLs each of `pids` that still runs: the CLI's plugins outlive a killed `pulumi` (they are
 * re-parented, not killed), and a test must not leave them behind.
 */
export function killSurvivors(pids: readonly number[]): void {
  for (const pid of pids) {
    if (alive(pid)) process.kill(pid, "SIGKILL");
  }
}
