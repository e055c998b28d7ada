import * as fs from "node:fs";
import * as path from "node:path";

const STATE_FILE = "state.json";

/**
 * Durable state for `--data-dir`: every acknowledged mutation is written to a temporary file,
 * fsynced and renamed over the previous state before the answer is sent, so `kill -9` at any moment
 * leaves either the old or the new state, never a torn one.
 */
export class Persistence {
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }

  load(): unknown {
    const file = path.join(this.dir, STATE_FILE);
    if (!fs.existsSync(file)) return undefined;
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  }

  save(state: unknown): void {
    const file = path.join(this.dir, STATE_FILE);
    const tmp = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, JSON.stringify(state));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    const dirFd = fs.openSync(this.dir, "r");
    try {
      fs.fsyncSync(dirFd);
    } finally {
      fs.closeSync(dirFd);
    }
  }
}
