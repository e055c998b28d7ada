import { defineConfig } from "vitest/config";

/** The tiers of DESIGN.md section 6, one folder of test/ each: `vitest run --project unit` runs one. */
const TIERS = ["unit", "emulator", "conformance", "providers", "plugin", "engine", "reliability"] as const;

/**
 * The tiers that drive the real Pulumi CLI (TestStack, pulumiBinary): only they provision it, so the
 * others run on a machine without `pulumi` or Go.
 */
const CLI_TIERS: readonly string[] = ["engine", "reliability"];

export default defineConfig({
  test: {
    setupFiles: ["test/setup.ts"],
    // Engine tests drive the real CLI, which starts Node processes of its own: keep concurrency low
    // on our 2-core machines and give them room.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ["default", ["json", { outputFile: ".test-results/vitest.json" }]],
    projects: TIERS.map((tier) => ({
      extends: true,
      test: {
        name: tier,
        include: [`test/${tier}/**/*.test.ts`],
        ...(CLI_TIERS.includes(tier) ? { globalSetup: ["test/global-setup.ts"] } : {}),
      },
    })),
  },
});
