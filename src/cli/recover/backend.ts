import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The Pulumi project a command runs in: its folder, name and `backend.url`, read from Pulumi.yaml. */
export interface Project {
  dir: string;
  name: string;
  backendUrl?: string;
}

function unquote(value: string): string {
  const v = value.replace(/\s+#.*$/, "").trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

/**
 * The two keys of a project file recovery needs: the top-level `name`, and `url` under the
 * top-level `backend` (block form). Not a YAML parser: a project file written otherwise gives no
 * backend URL here, and the backend then comes from `pulumi whoami`, which reads the file itself.
 */
export function projectKeys(text: string): { name?: string; backendUrl?: string } {
  const keys: { name?: string; backendUrl?: string } = {};
  let inBackend = false;
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z_][\w-]*):(.*)$/.exec(line);
    if (top) {
      inBackend = top[1] === "backend";
      if (top[1] === "name") keys.name = unquote(top[2] ?? "");
      continue;
    }
    const url = /^\s+url:(.*)$/.exec(line);
    if (inBackend && url) keys.backendUrl = unquote(url[1] ?? "");
  }
  return keys;
}

/** The project of `dir`: the nearest Pulumi.yaml (or .yml) at or above it, as the CLI finds it. */
export function findProject(dir: string): Project | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    for (const file of ["Pulumi.yaml", "Pulumi.yml"]) {
      const f = path.join(d, file);
      if (fs.existsSync(f)) {
        const keys = projectKeys(fs.readFileSync(f, "utf8"));
        return {
          dir: d,
          name: keys.name ?? "",
          ...(keys.backendUrl ? { backendUrl: keys.backendUrl } : {}),
        };
      }
    }
    if (d === path.dirname(d)) return undefined;
  }
}

/**
 * The folder of a `file://` backend URL (`file://~/x` is under the home folder, a relative path is
 * relative to the project, a query such as `?no_tmp_dir=true` is not part of it), or undefined for
 * any other backend.
 */
export function fileBackendDir(url: string, projectDir: string): string | undefined {
  if (!url.startsWith("file://")) return undefined;
  const p = decodeURIComponent(url.slice("file://".length).replace(/\?.*$/, ""));
  return path.resolve(projectDir, p.startsWith("~") ? path.join(os.homedir(), p.slice(1)) : p);
}

/** Every file below `dir`, as absolute paths; none when it does not exist. */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());
}

/**
 * The zero-byte `.attrs` sidecars under the backend's `.pulumi` folder. The Go CDK blob store
 * behind a file backend writes a sidecar in place (create, then write), so a kill can leave one
 * empty, and every later command then fails with `failed to load checkpoint: EOF`. A sidecar holds
 * only the content type and an MD5, and a missing one reads as the default: deleting an empty one
 * repairs the store and loses nothing. The data files themselves are written through a rename.
 */
export function tornSidecars(backendDir: string): string[] {
  return filesBelow(path.join(backendDir, ".pulumi")).filter(
    (f) => f.endsWith(".attrs") && fs.statSync(f).size === 0,
  );
}

/** A lock file of a file backend, as the CLI writes it when an update starts. */
export interface StackLock {
  file: string;
  pid?: number;
  username?: string;
  hostname?: string;
  timestamp?: string;
}

/**
 * The folders, under the backend's `.pulumi/locks`, where the CLI puts a lock of `stack` of
 * `project`: `organization/<project>/<stack>` (the project-scoped layout, the default since 3.61),
 * or `<stack>` (the older layout). A fully qualified name (`organization/p/s`, or `p/s`) names its own.
 */
export function lockDirs(backendDir: string, project: string, stack: string): string[] {
  const locks = path.join(backendDir, ".pulumi", "locks");
  const parts = stack.split("/");
  if (parts.length === 3) return [path.join(locks, ...parts)];
  if (parts.length === 2) return [path.join(locks, "organization", ...parts)];
  return [path.join(locks, "organization", project, stack), path.join(locks, stack)];
}

/** The locks a file backend holds on the stack: one `<uuid>.json` per CLI that took it. */
export function stackLocks(dirs: readonly string[]): StackLock[] {
  return dirs.flatMap((dir) =>
    (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .filter((f) => f.endsWith(".json"))
      .map((f) => {
        const file = path.join(dir, f);
        try {
          return { file, ...(JSON.parse(fs.readFileSync(file, "utf8")) as Omit<StackLock, "file">) };
        } catch {
          return { file };
        }
      }),
  );
}

/**
 * Whether the process `pid` of this machine still runs and can be a `pulumi` CLI. A zombie does
 * not run; where /proc tells the command line, a process that is not `pulumi` is another one that
 * got the pid since. Where /proc is absent, any live process with the pid counts as running.
 */
export function pulumiRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (/^\d+ \(.*\) Z/s.test(stat)) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("pulumi");
  } catch {
    return true;
  }
}

/** What recovery does about the stack's locks. */
export type LockDecision =
  { action: "none" } | { action: "cancel"; why: string } | { action: "refuse"; why: string };

function holder(l: StackLock): string {
  return `${l.username ?? "?"}@${l.hostname ?? "?"} (pid ${l.pid ?? "?"}${l.timestamp ? `, since ${l.timestamp}` : ""})`;
}

/**
 * Cancels only a lock that is surely dead: every lock was taken on this machine (same host name) by
 * a process that no longer runs, which is what a killed `pulumi` leaves. A lock whose CLI still
 * runs is a live update; a lock of another machine (a lost CI runner, a colleague) cannot be
 * checked from here. Both are refused: their owner, who can tell, runs `pulumi cancel`.
 */
export function decideLock(
  locks: readonly StackLock[],
  hostname: string,
  running: (pid: number) => boolean,
): LockDecision {
  if (locks.length === 0) return { action: "none" };
  for (const l of locks) {
    if (l.pid === undefined || l.hostname === undefined)
      return { action: "refuse", why: `the lock ${l.file} does not say who holds it` };
    if (l.hostname !== hostname)
      return {
        action: "refuse",
        why: `locked by ${holder(l)}, another machine: whether that update still runs cannot be told from here`,
      };
    if (running(l.pid))
      return { action: "refuse", why: `locked by ${holder(l)}, which still runs: a live update` };
  }
  return {
    action: "cancel",
    why: `locked by ${locks.map(holder).join(", ")}, which no longer runs: the lock of a killed pulumi`,
  };
}
