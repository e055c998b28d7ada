import * as zlib from "node:zlib";

/** One regular file of a tarball. */
export interface TarEntry {
  /** Its path inside the tarball (ASCII, at most 100 bytes: no long-name extensions are written). */
  name: string;
  /** Its permission bits, e.g. 0o755. */
  mode: number;
  content: Buffer;
}

const BLOCK = 512;

/** A header field: `value` as octal digits, zero-padded, ending in NUL. */
function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

/**
 * The 512-byte ustar header of a regular file. Owner 0:0, no user or group name and modification
 * time 0: the tarball's bytes depend on the files' contents and modes only, so a rebuild of the
 * same sources gives the same tarball.
 */
function header(entry: TarEntry): Buffer {
  const name = Buffer.from(entry.name, "ascii");
  if (name.length > 100 || entry.name !== name.toString("ascii"))
    throw new Error(`tar entry name ${entry.name} is not ASCII of at most 100 bytes`);
  const h = Buffer.alloc(BLOCK);
  name.copy(h, 0);
  h.write(octal(entry.mode, 8), 100, "ascii");
  h.write(octal(0, 8), 108, "ascii"); // uid
  h.write(octal(0, 8), 116, "ascii"); // gid
  h.write(octal(entry.content.length, 12), 124, "ascii");
  h.write(octal(0, 12), 136, "ascii"); // mtime
  h.write("        ", 148, "ascii"); // the checksum counts its own field as spaces
  h.write("0", 156, "ascii"); // a regular file
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + " ", 148, "ascii");
  return h;
}

/** A gzip-compressed ustar archive of the entries, in the order given. */
export function tarGz(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    parts.push(header(entry), entry.content);
    const pad = (BLOCK - (entry.content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK)); // the end of the archive
  return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}
