import * as esbuild from "esbuild";
import { expect, it } from "vitest";

/*
 * The TypeScript users' package (the dynamic resources: src/index.ts in the program, and
 * src/providers/runtime.ts, which `__provider` loads in the dynamic provider's process) and the
 * provider plugin share the lifecycles, not the server: neither loads the plugin or its gRPC.
 */

/** The source files an entry imports, however deep; @pulumi/pulumi and the AWS SDK not followed. */
async function graphOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "cjs",
    // @pulumi/pulumi talks to the engine over gRPC itself: a gRPC module reached otherwise would be
    // the plugin's.
    external: ["@aws-sdk/*", "@smithy/*", "@pulumi/*"],
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

it.each([
  ["src/index.ts", "src/runtime/entry.ts"],
  ["src/providers/runtime.ts", "src/runtime/registry.ts"],
])(
  "nothing %s imports is under src/plugin or gRPC (its graph, followed, holds %s)",
  async (entry, reached) => {
    const inputs = await graphOf(entry);
    const plugin = inputs.filter((f) => f.startsWith("src/plugin/") || f.includes("node_modules/@grpc/"));
    expect(plugin).toEqual([]);
    expect(inputs).toContain(reached);
  },
);
