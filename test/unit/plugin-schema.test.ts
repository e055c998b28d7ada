import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSchema, schemaText } from "../../scripts/plugin-schema/generate";
import { SCHEMA_FILE } from "../../scripts/plugin-schema/sdk";
import type { PackageSpec } from "../../scripts/plugin-schema/spec";
import { RESOURCES } from "../../src/runtime/registry";
import { REPO_ROOT } from "../helpers/pulumi";

// The plugin's schema is generated from the TypeScript declarations (npm run schema) and committed;
// these tests hold the committed file to the declarations and check a few facts of it against
// values written here.

const committedText = fs.readFileSync(path.join(REPO_ROOT, SCHEMA_FILE), "utf8");
const committed = JSON.parse(committedText) as PackageSpec;

/** A copy of the sources the generator reads, with node_modules linked, to change a type in. */
function sourceCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-schema-"));
  for (const entry of ["src", "package.json", "tsconfig.json"])
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

describe("the provider plugin's schema (src/plugin/schema.json)", () => {
  it("is exactly what npm run schema generates from the TypeScript sources today", () => {
    expect(schemaText(generateSchema(REPO_ROOT))).toBe(committedText);
  });

  it("changes when a resource's Args type changes, so a type change without regeneration fails the test above", () => {
    const dir = sourceCopy();
    try {
      const file = path.join(dir, "src/flow-association/resource.ts");
      const source = fs.readFileSync(file, "utf8");
      const anchor = "export interface FlowAssociationArgs {\n";
      expect(source).toContain(anchor);
      fs.writeFileSync(
        file,
        source.replace(anchor, `${anchor}  /** How urgent it is. */\n  priority?: pulumi.Input<number>;\n`),
      );
      const changed = generateSchema(dir);
      const flow = changed.resources["connect-associations:index:FlowAssociation"];
      expect(flow?.inputProperties["priority"]).toEqual({ type: "number", description: "How urgent it is." });
      expect(flow?.requiredInputs).toEqual(["flowId", "instanceId", "resourceId", "resourceType"]);
      expect(schemaText(changed)).not.toBe(committedText);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has exactly one resource token per registry type, and no other resource", () => {
    const tokens = Object.keys(committed.resources).sort();
    expect(tokens).toEqual([
      "connect-associations:index:BotAssociation",
      "connect-associations:index:FlowAssociation",
      "connect-associations:index:ProfileObjectDeletion",
      "connect-associations:index:SecurityProfileAssociation",
      "connect-associations:index:WorkspaceAssociation",
    ]);
    for (const definition of RESOURCES)
      expect(tokens.filter((t) => t === `connect-associations:index:${definition.type}`)).toHaveLength(1);
    expect(tokens).toHaveLength(RESOURCES.length);
  });

  it("names the package and its version as package.json does", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(committed.name).toBe("connect-associations");
    expect(committed.version).toBe(pkg.version);
  });

  it("gives FlowAssociation its four required inputs, the optional region, and the resource types as an enum", () => {
    const flow = committed.resources["connect-associations:index:FlowAssociation"];
    expect(flow?.requiredInputs).toEqual(["flowId", "instanceId", "resourceId", "resourceType"]);
    expect(Object.keys(flow?.inputProperties ?? {}).sort()).toEqual([
      "flowId",
      "instanceId",
      "region",
      "resourceId",
      "resourceType",
    ]);
    expect(flow?.inputProperties["region"]?.type).toBe("string");
    expect(flow?.inputProperties["resourceType"]?.$ref).toBe(
      "#/types/connect-associations:index:FlowAssociationResourceType",
    );
    expect(committed.types["connect-associations:index:FlowAssociationResourceType"]?.enum).toEqual([
      { value: "VOICE_PHONE_NUMBER" },
      { value: "SMS_PHONE_NUMBER" },
      { value: "WHATSAPP_MESSAGING_PHONE_NUMBER" },
      { value: "INBOUND_EMAIL" },
      { value: "OUTBOUND_EMAIL" },
      { value: "ANALYTICS_CONNECTOR" },
    ]);
    expect(flow?.required).toEqual([
      "associationId",
      "flowId",
      "instanceId",
      "region",
      "resourceId",
      "resourceType",
    ]);
  });

  it("makes BotAssociation's two bot variants one object: lexBot and lexV2Bot both optional, only instanceId required", () => {
    const bot = committed.resources["connect-associations:index:BotAssociation"];
    expect(bot?.requiredInputs).toEqual(["instanceId"]);
    expect(Object.keys(bot?.inputProperties ?? {}).sort()).toEqual([
      "adoptExisting",
      "instanceId",
      "lexBot",
      "lexV2Bot",
      "region",
    ]);
    expect(bot?.inputProperties["lexBot"]?.$ref).toBe("#/types/connect-associations:index:LexBot");
    expect(bot?.inputProperties["lexBot"]?.description).toBe(
      "A Lex V1 bot. Not with `lexV2Bot`: a resource associates one bot.",
    );
    expect(committed.types["connect-associations:index:LexBot"]?.required).toEqual(["name"]);
    expect(bot?.properties?.["lexVersion"]?.$ref).toBe(
      "#/types/connect-associations:index:BotAssociationLexVersion",
    );
  });

  it("describes each resource with its class's TSDoc, leaving out how the Node dynamic resource stores its provider", () => {
    const flow = committed.resources["connect-associations:index:FlowAssociation"];
    expect(
      flow?.description?.startsWith("Points an Amazon Connect resource (voice, SMS or WhatsApp number"),
    ).toBe(true);
    for (const [token, resource] of Object.entries(committed.resources)) {
      expect(resource.description, token).toBeTruthy();
      expect(resource.description, token).not.toContain("pulumi-nodejs:dynamic");
      expect(resource.description, token).not.toContain("__provider");
    }
    expect(committed.types["connect-associations:index:AssumeRole"]?.description).toBe(
      "One role of `PluginConfig.assumeRoles`.",
    );
  });

  it("serves the function getFlowAssociations with its arguments and result", () => {
    const fn = committed.functions["connect-associations:index:getFlowAssociations"];
    expect(fn?.inputs.required).toEqual(["instanceId", "resourceIds"]);
    expect(fn?.inputs.properties["resourceIds"]).toMatchObject({ type: "array", items: { type: "string" } });
    expect(fn?.outputs.properties["associations"]).toMatchObject({
      type: "array",
      items: { $ref: "#/types/connect-associations:index:FlowAssociationSummary" },
    });
  });

  it("has the same configuration keys as stack config and as the explicit provider's inputs", () => {
    const keys = [
      "allowedAccountIds",
      "assumeRoles",
      "consistencyTimeoutSeconds",
      "endpoint",
      "forbiddenAccountIds",
      "maxRetries",
      "profile",
      "rateLimits",
      "region",
      "sharedCredentialsFiles",
    ];
    expect(Object.keys(committed.config.variables).sort()).toEqual(keys);
    expect(committed.provider.inputProperties).toEqual(committed.config.variables);
    expect(committed.config.variables["maxRetries"]).toEqual({
      type: "integer",
      default: 9,
      description: "Retries per AWS call (the SDK's attempts are one more), adaptive mode.",
    });
    expect(committed.config.variables["consistencyTimeoutSeconds"]?.default).toBe(60);
    expect(committed.config.variables["rateLimits"]).toMatchObject({
      type: "object",
      additionalProperties: { $ref: "#/types/connect-associations:index:RateLimit" },
    });
    expect(committed.types["connect-associations:index:AssumeRole"]?.required).toEqual(["roleArn"]);
  });

  it("marks the assume-role external id secret (its @secret tag), without the tag's text in the description", () => {
    // So the engine keeps it encrypted in the provider's state even when a YAML or Python program
    // writes it in plain text, without secret().
    expect(committed.types["connect-associations:index:AssumeRole"]?.properties?.["externalId"]).toEqual({
      type: "string",
      description: "The external id the role's trust policy asks for.",
      secret: true,
    });
    const secrets = Object.entries(committed.types).flatMap(([token, type]) =>
      Object.entries(type.properties ?? {})
        .filter(([, property]) => property.secret)
        .map(([name]) => `${token}.${name}`),
    );
    expect(secrets).toEqual(["connect-associations:index:AssumeRole.externalId"]);
  });
});
