#!/usr/bin/env node
import { EXIT, processIo, UsageError, type CliIo } from "./io";
import { EXPORT_USAGE } from "./export/options";
import { runExport } from "./export/command";
import { RECOVER_USAGE, recover } from "./recover/command";

const USAGE = `Usage: connect-associations <command> [options]

Commands:
  export    write an instance's associations as a Pulumi program (see export --help)
  recover   recover a stack after an interrupted pulumi up: recover --stack NAME (see recover --help)

Exit codes: 0 done, 1 an AWS or pulumi failure (the operation and its code are printed), 2 bad arguments.
`;

/** Runs one subcommand; resolves to its exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "export":
        if (rest.includes("-h") || rest.includes("--help")) {
          io.out(EXPORT_USAGE);
          return EXIT.ok;
        }
        return await runExport(rest, io);
      case "recover":
        return await recover(rest, io);
      case undefined:
      case "-h":
      case "--help":
      case "help":
        io.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(
        `connect-associations ${command ?? ""}: ${e.message}\n\n${command === "recover" ? RECOVER_USAGE : command === "export" ? EXPORT_USAGE : USAGE}`,
      );
      return EXIT.usage;
    }
    io.err(`connect-associations ${command ?? ""}: ${(e as Error).message}\n`);
    return EXIT.failed;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code;
  });
}
