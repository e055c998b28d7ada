import { describe, expect, it } from "vitest";
import { parseExportOptions } from "../../src/cli/export/options";

const ID = "11111111-2222-3333-4444-555555555555";

describe("connect-associations export arguments", () => {
  it("takes the Region from AWS_REGION when --region is absent, and fills the documented defaults", () => {
    expect(parseExportOptions(["--instance-id", ID], { AWS_REGION: "eu-west-2" })).toEqual({
      instanceId: ID,
      region: "eu-west-2",
      format: "ts",
      out: ".",
      stack: "dev",
      users: false,
      aiAgents: [],
      protect: false,
      force: false,
      rateLimits: {},
    });
  });

  it("prefers --region over AWS_REGION, and AWS_REGION over AWS_DEFAULT_REGION", () => {
    expect(
      parseExportOptions(["--instance-id", ID, "--region", "us-west-2"], { AWS_REGION: "eu-west-2" }).region,
    ).toBe("us-west-2");
    expect(
      parseExportOptions(["--instance-id", ID], { AWS_REGION: "eu-west-2", AWS_DEFAULT_REGION: "ap-south-1" })
        .region,
    ).toBe("eu-west-2");
    expect(parseExportOptions(["--instance-id", ID], { AWS_DEFAULT_REGION: "ap-south-1" }).region).toBe(
      "ap-south-1",
    );
  });

  it("reads every flag, --flag=value included, and keeps each --ai-agent once", () => {
    const agent = "arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/b2";
    const o = parseExportOptions(
      [
        `--instance-id=${ID}`,
        "--region=us-east-1",
        "--out",
        "infra",
        "--stack",
        "prod",
        "--format",
        "json",
        "--users",
        "--ai-agent",
        agent,
        "--ai-agent",
        agent,
        "--protect",
        "--force",
        "--rate-limits",
        '{"*":{"rate":10,"burst":20}}',
      ],
      {},
    );
    expect(o).toEqual({
      instanceId: ID,
      region: "us-east-1",
      format: "json",
      out: "infra",
      stack: "prod",
      users: true,
      aiAgents: [agent],
      protect: true,
      force: true,
      rateLimits: { "*": { rate: 10, burst: 20 } },
    });
  });

  it.each([
    [[], "--instance-id is required"],
    [["--instance-id", ID], "no Region: give --region, or set AWS_REGION"],
    [["--instance-id", ID, "--region", "Mars"], "Region 'Mars' is not an AWS Region name such as us-east-1"],
    [
      ["--instance-id", ID, "--region", "us-east-1", "--format", "yaml"],
      "--format must be ts or json, not 'yaml'",
    ],
    [
      ["--instance-id", ID, "--region", "us-east-1", "--stack", "a b"],
      "--stack 'a b': a stack name is 1-100 letters, digits, '_', '.' or '-'",
    ],
    [
      ["--instance-id", ID, "--region", "us-east-1", "--ai-agent", "agent-1"],
      "--ai-agent takes an AI agent's ARN, not 'agent-1'",
    ],
    [["--instance-id", ID, "--region", "us-east-1", "--out"], "--out needs a value"],
    [["--instance-id", ID, "--region", "us-east-1", "--users=yes"], "--users takes no value"],
    [["--instance-id", ID, "--region", "us-east-1", "--verbose"], "unknown option '--verbose'"],
    [
      ["--instance-id", "x".repeat(101), "--region", "us-east-1"],
      "--instance-id is at most 100 characters (Connect's InstanceId)",
    ],
  ])("refuses %j: %s", (args, message) => {
    expect(() => parseExportOptions(args, {})).toThrow(message);
  });
});
