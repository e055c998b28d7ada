import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import {
  WORKSPACE_RESOURCE_ARN_HINT,
  checkWorkspaceAssociation,
} from "../../src/workspace-association/check";
import { UNKNOWN } from "../../src/validation/unknown";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const BASE = "arn:aws:connect:us-east-1:123456789012:instance/i-1";
const USER_A = `${BASE}/agent/a`;
const USER_B = `${BASE}/agent/b`;
const PROFILE = `${BASE}/routing-profile/rp-1`;

function failures(news: Record<string, unknown>): string[] {
  return checkWorkspaceAssociation(news, settings).failures.map((f) => `${f.property}: ${f.reason}`);
}

describe("checkWorkspaceAssociation", () => {
  it("sorts resourceArns, so a reorder is no change, and fills region", () => {
    const r = checkWorkspaceAssociation(
      { instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER_B, PROFILE, USER_A] },
      settings,
    );
    expect(r).toEqual({
      inputs: {
        instanceId: "i-1",
        workspaceId: "ws-1",
        region: "us-east-1",
        resourceArns: [USER_A, USER_B, PROFILE],
      },
      failures: [],
    });
  });

  it("rejects an empty list naming resourceArns", () => {
    expect(failures({ instanceId: "i-1", workspaceId: "ws-1", resourceArns: [] })).toEqual([
      "resourceArns: resourceArns must hold at least 1 ARN, got none",
    ]);
  });

  it("rejects a missing list and a list that is not one", () => {
    expect(failures({ instanceId: "i-1", workspaceId: "ws-1" })).toEqual([
      "resourceArns: resourceArns is required",
    ]);
    expect(failures({ instanceId: "i-1", workspaceId: "ws-1", resourceArns: USER_A })).toEqual([
      "resourceArns: resourceArns must be a list of ARNs",
    ]);
  });

  it("rejects an ARN given twice, naming it once", () => {
    expect(
      failures({ instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER_A, USER_B, USER_A, USER_A] }),
    ).toEqual([`resourceArns: resourceArns must not repeat an ARN: '${USER_A}' appears more than once`]);
  });

  it("rejects an ARN that is neither a user nor a routing profile, naming its index", () => {
    const sp = `${BASE}/security-profile/sp-1`;
    expect(failures({ instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER_A, sp] })).toEqual([
      `resourceArns[1]: resourceArns[1] must be ${WORKSPACE_RESOURCE_ARN_HINT}, got '${sp}'`,
    ]);
  });

  it("rejects an item that is not a string", () => {
    expect(failures({ instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER_A, 7] })).toEqual([
      "resourceArns[1]: resourceArns[1] must be a string, got number",
    ]);
  });

  it("checks instanceId 1-100 and workspaceId 1-256, from the API reference", () => {
    expect(failures({ instanceId: "", workspaceId: "w".repeat(257), resourceArns: [USER_A] })).toEqual([
      "instanceId: instanceId must not be empty",
      "workspaceId: workspaceId must be at most 256 characters long, got 257",
    ]);
  });

  it("lets unknown preview values through, leaving a list with an unknown item unsorted", () => {
    expect(failures({ instanceId: UNKNOWN, workspaceId: UNKNOWN, resourceArns: UNKNOWN })).toEqual([]);
    const r = checkWorkspaceAssociation(
      { instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER_B, UNKNOWN, USER_A] },
      settings,
    );
    expect(r.failures).toEqual([]);
    expect(r.inputs["resourceArns"]).toEqual([USER_B, UNKNOWN, USER_A]);
  });
});
