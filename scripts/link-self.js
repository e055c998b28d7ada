#!/usr/bin/env node
// Makes `require("pulumi-connect-associations/…")` resolve inside this repository the way it does in
// a user's project: from node_modules. The serialized provider entry is compiled by the dynamic
// provider with an empty filename, so Node's package self-reference (which needs the requiring
// file's package scope) does not apply to it; only node_modules lookup from the program's folder does.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "pulumi-connect-associations");
fs.mkdirSync(path.dirname(link), { recursive: true });
let current;
try {
  current = fs.readlinkSync(link);
} catch {
  current = undefined;
}
if (current !== "..") {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync("..", link, "dir");
}
