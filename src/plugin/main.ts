import { startPluginServer } from "./server";

/*
 * The plugin's executable (bundled into pulumi-resource-connect-associations): serves the provider
 * on a loopback port and prints that port on stdout, the one line the engine reads (the Pulumi
 * plugin protocol); everything else goes to stderr. It stops on SIGTERM / SIGINT or when the
 * engine calls Cancel, once the calls in flight have answered.
 */
async function main(): Promise<void> {
  const server = await startPluginServer();
  process.stdout.write(`${server.port}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  void server.cancelled.then(stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`connect-associations provider: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
