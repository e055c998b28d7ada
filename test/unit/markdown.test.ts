import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Token, Tokens } from "marked" with { "resolution-mode": "import" };
import { REPO_ROOT } from "../helpers/pulumi";

// Every Markdown file of the repository, parsed by a real GFM parser (marked), as readers see it
// rendered: a table row with another column count than its header shifts or loses cells, a row
// that the parser does not take as one (no header or delimiter row above it) shows as raw `| … |`
// text, and a sentence stated twice in one file is repetition at best and a contradiction once one
// copy is edited.

/** Folders that hold no Markdown of ours: dependencies, build output, generated API pages. */
const SKIPPED = new Set(["node_modules", "dist", "coverage", path.join("docs", "api")]);

function markdownFiles(dir = ""): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED.has(rel)) found.push(...markdownFiles(rel));
    } else if (entry.isFile() && entry.name.endsWith(".md")) {
      found.push(rel);
    }
  }
  return found.sort();
}

/** A block of a file, with the 1-based line where it starts. */
interface Located {
  token: Token;
  line: number;
}

/** Where `raw` starts in `source` at or after `from` (found by its first non-blank line). */
function offsetOf(source: string, raw: string, from: number): number {
  const first = raw
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim();
  if (first === undefined) return from;
  const at = source.indexOf(first, from);
  return at < 0 ? from : at;
}

const lineAt = (source: string, offset: number) => source.slice(0, offset).split("\n").length;

/** Every block token of the document, nested ones (list items, block quotes) included. */
function blocks(source: string, tokens: Token[], from = 0): Located[] {
  const out: Located[] = [];
  let cursor = from;
  for (const token of tokens) {
    if (token.type === "space") continue;
    const at = offsetOf(source, token.raw, cursor);
    out.push({ token, line: lineAt(source, at) });
    if (token.type === "list") {
      let itemCursor = at;
      for (const item of (token as Tokens.List).items) {
        const itemAt = offsetOf(source, item.raw, itemCursor);
        out.push(...blocks(source, item.tokens, itemAt));
        itemCursor = itemAt + 1;
      }
    } else if (token.type === "blockquote") {
      out.push(...blocks(source, (token as Tokens.Blockquote).tokens, at));
    }
    cursor = at + 1;
  }
  return out;
}

/** The cells GFM splits a table line into: on every unescaped `|`, outer pipes dropped. */
function cellCount(line: string): number {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).length;
}

/** Sentences of fewer words than this ("Delete is a no-op.") may fairly recur. */
const MIN_WORDS = 6;

/** A sentence as a reader sees it: emphasis and link targets dropped, whitespace normalised. */
function normalised(markdown: string): string {
  return markdown
    .replace(/\*\*|__/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** The sentences of a paragraph's Markdown, each with the line it starts on (0-based, in `raw`). */
function sentencesOf(raw: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let start = 0;
  const add = (end: number) => {
    const text = normalised(raw.slice(start, end));
    if (text.split(" ").length >= MIN_WORDS)
      out.push({ text, line: raw.slice(0, start).split("\n").length - 1 });
  };
  for (const m of raw.matchAll(/(?<=[.!?])\s+/g)) {
    add(m.index);
    start = m.index + m[0].length;
  }
  add(raw.length);
  return out;
}

interface Parsed {
  file: string;
  source: string;
  blocks: Located[];
}

let lexer: (source: string) => Token[];
beforeAll(async () => {
  // marked is an ES module; this test file is CommonJS for the type checker.
  const { Lexer } = await import("marked");
  lexer = (source) => new Lexer({ gfm: true }).lex(source);
});

function parse(file: string): Parsed {
  const source = fs.readFileSync(path.join(REPO_ROOT, file), "utf8").replace(/\r\n?/g, "\n");
  return { file, source, blocks: blocks(source, lexer(source)) };
}

/** `file:line: problem` for every table line whose cell count differs from its header's. */
function tableProblems({ file, blocks: found }: Parsed): string[] {
  const problems: string[] = [];
  for (const { token, line } of found) {
    if (token.type !== "table") continue;
    const lines = token.raw.replace(/\n+$/, "").split("\n");
    const columns = cellCount(lines[0] ?? "");
    lines.forEach((l, i) => {
      const cells = cellCount(l);
      if (cells !== columns)
        problems.push(
          `${file}:${line + i}: ${cells} cells in a table of ${columns} columns: ${l.slice(0, 80)}`,
        );
    });
  }
  return problems;
}

/** `file:line: problem` for every paragraph line that starts with `|`: a table row shown as text. */
function rowsAsText({ file, blocks: found }: Parsed): string[] {
  const problems: string[] = [];
  for (const { token, line } of found) {
    if (token.type !== "paragraph" && token.type !== "text") continue;
    token.raw.split("\n").forEach((l, i) => {
      if (l.trim().startsWith("|"))
        problems.push(`${file}:${line + i}: table row rendered as a paragraph: ${l.trim().slice(0, 80)}`);
    });
  }
  return problems;
}

/** `file: "sentence" at lines a, b` for every sentence (of some length) stated more than once. */
function repeatedSentences({ file, blocks: found }: Parsed): string[] {
  const seen = new Map<string, number[]>();
  for (const { token, line } of found) {
    if (token.type !== "paragraph" && token.type !== "text") continue;
    for (const s of sentencesOf(token.raw)) seen.set(s.text, [...(seen.get(s.text) ?? []), line + s.line]);
  }
  return [...seen]
    .filter(([, lines]) => lines.length > 1)
    .map(([s, lines]) => `${file}: "${s}" appears ${lines.length} times, at lines ${lines.join(", ")}`);
}

const FILES = markdownFiles();

describe("Markdown files", () => {
  it("include the user guide, the contributor guide, the emulator manual and the recovery runbook", () => {
    for (const f of ["README.md", "CONTRIBUTING.md", "docs/emulator.md", "docs/recovery.md"])
      expect(FILES).toContain(f);
  });

  describe.each(FILES)("%s", (file) => {
    it("has tables whose every row has the header's column count", () => {
      expect(tableProblems(parse(file))).toEqual([]);
    });

    it("has no table row rendered as a paragraph", () => {
      expect(rowsAsText(parse(file))).toEqual([]);
    });

    it("states no sentence twice (code blocks and table cells aside)", () => {
      expect(repeatedSentences(parse(file))).toEqual([]);
    });
  });
});

// The checks themselves, on small documents with a known answer.
describe("the Markdown checks", () => {
  const doc = (source: string): Parsed => ({ file: "x.md", source, blocks: blocks(source, lexer(source)) });

  it("find a row with fewer cells than the header, by its line", () => {
    const md = "Intro.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n| only one |\n";
    expect(tableProblems(doc(md))).toEqual(["x.md:6: 1 cells in a table of 2 columns: | only one |"]);
  });

  it("count an escaped pipe as text, not as a cell border", () => {
    expect(tableProblems(doc("| a | b |\n| - | - |\n| `x \\| y` | 2 |\n"))).toEqual([]);
  });

  it("find rows glued to a paragraph, by their line", () => {
    const md = "Some text about the table.\n| a | b |\n| 1 | 2 |\n";
    expect(rowsAsText(doc(md))).toEqual([
      "x.md:2: table row rendered as a paragraph: | a | b |",
      "x.md:3: table row rendered as a paragraph: | 1 | 2 |",
    ]);
  });

  it("find a sentence stated twice, across a paragraph and a list item, whatever its markup", () => {
    const md =
      "The emulator keeps its state in one file on disk. Short one.\n\n" +
      "- **The emulator** keeps its state in one file on disk.\n- Short one.\n";
    expect(repeatedSentences(doc(md))).toEqual([
      'x.md: "The emulator keeps its state in one file on disk." appears 2 times, at lines 1, 3',
    ]);
  });

  it("ignore code blocks and table cells", () => {
    const md =
      "```sh\necho the same words in the block twice\necho the same words in the block twice\n```\n\n" +
      "| the same words in a table cell here |\n| - |\n| the same words in a table cell here |\n";
    expect(repeatedSentences(doc(md))).toEqual([]);
  });
});
