import { describe, expect, it } from "vitest";
import { settingsFromConfig, endpointsOf } from "../../src/aws/settings";

/** A stack config bag as the engine hands it to `configure`: full keys, string values. */
function config(values: Record<string, string>) {
  return { get: (key: string) => values[key] };
}

describe("stack config aws: keys", () => {
  it("reads every key with @pulumi/aws's meaning", () => {
    const s = settingsFromConfig(
      config({
        "aws:region": "eu-west-2",
        "aws:profile": "prod",
        "aws:sharedCredentialsFiles": '["/home/u/.aws/credentials-prod"]',
        "aws:sharedConfigFiles": '["/home/u/.aws/config-prod"]',
        "aws:assumeRoles": JSON.stringify([
          {
            roleArn: "arn:aws:iam::222222222222:role/deployer",
            sessionName: "ci",
            externalId: "x-1",
            duration: "1h",
          },
          { roleArn: "arn:aws:iam::333333333333:role/connect-admin", durationSeconds: 900 },
        ]),
        "aws:allowedAccountIds": '["333333333333"]',
        "aws:endpoints": '[{"connect":"http://127.0.0.1:4599"}]',
        "aws:maxRetries": "4",
      }),
    );
    expect(s).toEqual({
      region: "eu-west-2",
      endpoint: "http://127.0.0.1:4599",
      maxAttempts: 5,
      consistencyTimeoutSeconds: 60,
      rateLimits: {},
      aws: {
        profile: "prod",
        sharedCredentialsFiles: ["/home/u/.aws/credentials-prod"],
        sharedConfigFiles: ["/home/u/.aws/config-prod"],
        assumeRoles: [
          {
            roleArn: "arn:aws:iam::222222222222:role/deployer",
            sessionName: "ci",
            externalId: "x-1",
            durationSeconds: 3600,
          },
          { roleArn: "arn:aws:iam::333333333333:role/connect-admin", durationSeconds: 900 },
        ],
        allowedAccountIds: ["333333333333"],
        endpoints: { connect: "http://127.0.0.1:4599" },
        maxRetries: 4,
      },
    });
  });

  it("keeps connect:maxAttempts over aws:maxRetries when both are set", () => {
    expect(
      settingsFromConfig(config({ "connect:maxAttempts": "3", "aws:maxRetries": "9" })).maxAttempts,
    ).toBe(3);
  });

  it("sets nothing from aws: keys that are absent, so the SDK's default chain applies as before", () => {
    expect(settingsFromConfig(config({})).aws).toBeUndefined();
  });

  it.each([
    ["aws:assumeRoles", "not json", "stack config aws:assumeRoles must be JSON"],
    [
      "aws:assumeRoles",
      '[{"sessionName":"x"}]',
      "stack config aws:assumeRoles[0].roleArn must be an IAM role ARN",
    ],
    [
      "aws:assumeRoles",
      '[{"roleArn":"arn:aws:iam::222222222222:role/r","duration":"2 days"}]',
      'stack config aws:assumeRoles[0].duration must be a duration such as "15m" or "1h"',
    ],
    [
      "aws:assumeRoles",
      '[{"roleArn":"arn:aws:iam::222222222222:role/r","durationSeconds":60}]',
      "stack config aws:assumeRoles[0]: the session duration must be 900 to 43200 seconds",
    ],
    [
      "aws:allowedAccountIds",
      '["12345"]',
      "stack config aws:allowedAccountIds: '12345' is not a 12-digit AWS account id",
    ],
    [
      "aws:forbiddenAccountIds",
      '"111111111111"',
      "stack config aws:forbiddenAccountIds must be a list of non-empty strings",
    ],
    [
      "aws:sharedCredentialsFiles",
      "[1]",
      "stack config aws:sharedCredentialsFiles must be a list of non-empty strings",
    ],
    [
      "aws:endpoints",
      '[{"connect":"localhost:4599"}]',
      "stack config aws:endpoints: connect must be an http(s) URL",
    ],
    ["aws:maxRetries", "-1", "stack config aws:maxRetries must be a whole number ≥ 0, got '-1'"],
  ])("fails naming %s when it is set but malformed (%s)", (key, value, message) => {
    expect(() => settingsFromConfig(config({ [key]: value }))).toThrow(message);
  });

  it("reads account ids written as YAML numbers as the same 12-digit ids", () => {
    expect(
      settingsFromConfig(config({ "aws:allowedAccountIds": "[111111111111, 12345678901]" })).aws,
    ).toEqual({
      allowedAccountIds: ["111111111111", "012345678901"],
    });
  });

  it("refuses half a key pair without ever quoting a secret", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzSECRET";
    let message = "";
    try {
      settingsFromConfig(config({ "aws:secretKey": secret }));
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe("stack config aws:accessKey and aws:secretKey go together: set both, or neither");
    expect(() => settingsFromConfig(config({ "aws:token": "tok" }))).toThrow(
      "stack config aws:token needs aws:accessKey and aws:secretKey",
    );
  });

  it("refuses aws:allowedAccountIds and aws:forbiddenAccountIds together", () => {
    expect(() =>
      settingsFromConfig(
        config({
          "aws:allowedAccountIds": '["111111111111"]',
          "aws:forbiddenAccountIds": '["222222222222"]',
        }),
      ),
    ).toThrow("stack config aws:allowedAccountIds and aws:forbiddenAccountIds cannot both be set");
  });
});

describe("endpoints", () => {
  it("lets one endpoint cover Connect, Customer Profiles and STS: no half-local stack", () => {
    expect(endpointsOf({ endpoint: "http://127.0.0.1:4599" })).toEqual({
      connect: "http://127.0.0.1:4599",
      profiles: "http://127.0.0.1:4599",
      sts: "http://127.0.0.1:4599",
    });
    expect(endpointsOf({ profilesEndpoint: "http://127.0.0.1:4600" })).toEqual({
      connect: "http://127.0.0.1:4600",
      profiles: "http://127.0.0.1:4600",
      sts: "http://127.0.0.1:4600",
    });
  });

  it("keeps per-service endpoints where they are given", () => {
    expect(
      endpointsOf({ endpoint: "http://a:1", profilesEndpoint: "http://b:2", stsEndpoint: "http://c:3" }),
    ).toEqual({ connect: "http://a:1", profiles: "http://b:2", sts: "http://c:3" });
  });

  it("leaves every service to the SDK's own resolution when none is given", () => {
    expect(endpointsOf({})).toEqual({});
  });

  it("takes aws:endpoints entries, with connect:endpoint winning over aws:endpoints.connect", () => {
    const s = settingsFromConfig(
      config({
        "connect:endpoint": "http://own:1",
        "aws:endpoints":
          '[{"connect":"http://aws:1","customerprofiles":"http://aws:2","sts":"http://aws:3"}]',
      }),
    );
    expect([s.endpoint, s.profilesEndpoint, s.stsEndpoint]).toEqual([
      "http://own:1",
      "http://aws:2",
      "http://aws:3",
    ]);
  });
});
