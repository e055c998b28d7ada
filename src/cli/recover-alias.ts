#!/usr/bin/env node
// The 0.1.0 bin name `connect-associations-recover` is kept: it is `connect-associations recover`.
import { run } from "./main";
import { processIo } from "./io";

void run(["recover", ...process.argv.slice(2)], processIo).then((code) => {
  process.exitCode = code;
});
