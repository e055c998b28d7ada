import { Clients } from "../../aws/clients";
import { CONNECT_DEFAULT_LIMIT } from "../../aws/rate-limiter";
import { DEFAULT_SETTINGS } from "../../aws/settings";
import { EXIT, type CliIo } from "../io";
import { checkWritable, projectName, scaffolding, stackConfig, writeFiles } from "./files";
import { inventoryJson, sortedAssociations } from "./inventory";
import { parseExportOptions } from "./options";
import { Progress } from "./progress";
import { declaredResources, programSource } from "./program";
import { InstanceReader } from "./read";

// dist/cli/export/command.js → the package's own package.json.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const PACKAGE_VERSION = (require("../../../package.json") as { version: string }).version;

/**
 * `connect-associations export`: reads the instance's associations (./read.ts), then writes the
 * program (--format ts) or prints the inventory (--format json). Files are checked before any AWS
 * call, and written only after every listing succeeded.
 */
export async function runExport(
  args: string[],
  io: CliIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const o = parseExportOptions(args, env);
  if (o.format === "ts") checkWritable(o.out, o.stack, o.force);
  const settings = { ...DEFAULT_SETTINGS, region: o.region, rateLimits: o.rateLimits };
  const limit = settings.rateLimits["*"] ?? CONNECT_DEFAULT_LIMIT;
  const clients = new Clients(settings);
  const client = clients.connectClient(o.region);
  const progress = new Progress(io, limit.rate, limit.burst);
  try {
    const inv = await new InstanceReader(client, o.instanceId, o.region, progress).read(o);
    const count = sortedAssociations(inv.associations).length;
    const summary = `${count} associations read with ${progress.callCount} calls in ${progress.elapsedSeconds().toFixed(1)} s`;
    if (o.format === "json") {
      io.out(inventoryJson(inv));
      io.err(`${summary}\n`);
      return EXIT.ok;
    }
    const project = projectName(o.out);
    const command = ["connect-associations export", ...args].join(" ");
    const files = {
      ...scaffolding(o.out, project, PACKAGE_VERSION),
      "index.ts": programSource(inv, { protect: o.protect, command }),
      [`Pulumi.${o.stack}.yaml`]: stackConfig(project, o.region, o.instanceId),
    };
    writeFiles(o.out, files);
    const resources = declaredResources(inv).length;
    io.err(
      `${summary}; wrote ${Object.keys(files).sort().join(", ")} into ${o.out} ` +
        `(${resources} resources). Next: pulumi stack init ${o.stack} && pulumi up\n`,
    );
    return EXIT.ok;
  } finally {
    client.destroy();
  }
}
