import { startPluginServer } from "./server";

/*
 * The plugin's executable (bundled into pulumi-resource-connect-associations): serves the provider
 * on a loopback port and prints that port on stdout, the one line the engine reads (the Pulumi
 * plugin protocol); everything else goes to stderr. It stops on SIGTERM or when the engine calls
 * Cancel, once the calls in flight have answered. SIGINT is ignored: the CLI's Ctrl-C reaches the
 * whole process group, and the engine cancels gracefully through Cancel, letting the calls in
 * flight finish and be recorded (Node's default, exiting at once, would lose them).
 */
async function main(): Promise<void> {
  // Set before the port is printed, so that no signal sent once the engine knows the port finds
  // Node's default (exit at once).
  process.on("SIGINT", () => undefined);
  const server = await startPluginServer();
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  void server.cancelled.then(stop);
  process.stdout.write(`${server.port}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`connect-associations provider: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
