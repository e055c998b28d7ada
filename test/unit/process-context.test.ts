import { describe, expect, it } from "vitest";
import { configureProcess, processContext } from "../../src/runtime/context";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });

describe("provider process context", () => {
  it("keeps clients and snapshots when configure repeats the same settings (once per resource type)", () => {
    configureProcess(config({ "aws:region": "us-east-1", "connect:endpoint": "http://127.0.0.1:1" }));
    const first = processContext();
    configureProcess(config({ "aws:region": "us-east-1", "connect:endpoint": "http://127.0.0.1:1" }));
    expect(processContext()).toBe(first);
  });

  it("starts afresh when the settings change", () => {
    configureProcess(config({ "aws:region": "us-east-1" }));
    const first = processContext();
    configureProcess(config({ "aws:region": "eu-west-2" }));
    expect(processContext()).not.toBe(first);
    expect(processContext().settings.region).toBe("eu-west-2");
  });
});
