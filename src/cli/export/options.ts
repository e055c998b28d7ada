import { REGION, REGION_HINT } from "../../validation/aws";
import { parseRateLimits, type RateLimit } from "../../aws/rate-limiter";
import { UsageError } from "../io";

/** What `connect-associations export` was asked for. */
export interface ExportOptions {
  /** The instance: its id or ARN, written into the program's config as given. */
  instanceId: string;
  /** `--region`, else `AWS_REGION`, else `AWS_DEFAULT_REGION`. */
  region: string;
  /** `--format`: `ts` writes a program into `out`; `json` prints the inventory on stdout. @default "ts" */
  format: "ts" | "json";
  /** `--out`: the program's folder. @default "." */
  out: string;
  /** `--stack`: the stack whose `Pulumi.<stack>.yaml` is written. @default "dev" */
  stack: string;
  /** `--users`: also read every user's security profiles (one DescribeUser per user). @default false */
  users: boolean;
  /** `--ai-agent ARN`, repeatable: the AI agents whose security profiles are read. */
  aiAgents: string[];
  /** `--protect`: every generated resource gets `protect: true`. @default false */
  protect: boolean;
  /** `--rate-limits JSON`: pacing per operation or `*` for an account with raised quotas. @default Connect's 2/s, burst 5 */
  rateLimits: Record<string, RateLimit>;
  /** `--force`: overwrite `index.ts` and `Pulumi.<stack>.yaml` if they exist. @default false */
  force: boolean;
}

export const EXPORT_USAGE = `Usage: connect-associations export --instance-id ID [--region R] [--out DIR] [--stack NAME]
                                   [--format ts|json] [--users] [--ai-agent ARN]... [--protect] [--force]

Reads every association this package manages on one Amazon Connect instance (Lex V1 and V2 bots,
workspace members, flow associations of every type, users' security profiles with --users, the
security profiles of each --ai-agent) and writes them as a Pulumi program that takes them over.

  --instance-id ID   the instance id or ARN (required)
  --region R         its Region (default: AWS_REGION, then AWS_DEFAULT_REGION)
  --out DIR          the program's folder (default: .); index.ts and Pulumi.<stack>.yaml are
                     never overwritten without --force; Pulumi.yaml, package.json and
                     tsconfig.json are written only where absent
  --stack NAME       the stack config file to write, Pulumi.NAME.yaml (default: dev)
  --format ts|json   ts (default): write the program; json: print the inventory on stdout, one
                     object per association in a stable order (diff two of them for drift)
  --users            also read users' security profiles: ListUsers, then one DescribeUser per user
  --ai-agent ARN     also read this AI agent's security profiles (repeatable)
  --protect          mark every generated resource protect: true
  --force            overwrite index.ts and Pulumi.<stack>.yaml
  --rate-limits JSON pacing for an account with raised quotas, as connect:rateLimits takes it:
                     {"*":{"rate":10,"burst":20}} (default: Connect's 2 a second, burst 5)

Endpoint and credentials come the AWS SDK's standard way (AWS_PROFILE, AWS_ACCESS_KEY_ID,
AWS_ENDPOINT_URL_CONNECT, ...). Calls are paced under Connect's default quota (2 a second per
operation); progress and an estimate of the time left go to stderr.
Exit codes: 0 done, 1 an AWS error (the operation and AWS's error code are printed), 2 bad arguments.
`;

const VALUE_FLAGS = [
  "--instance-id",
  "--region",
  "--out",
  "--stack",
  "--format",
  "--ai-agent",
  "--rate-limits",
];

const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** Parses the arguments after `export`; throws a UsageError naming the flag and the rule. */
export function parseExportOptions(args: readonly string[], env: NodeJS.ProcessEnv): ExportOptions {
  const o: Partial<ExportOptions> & { aiAgents: string[] } = { aiAgents: [] };
  const flags = new Set(["--users", "--protect", "--force"]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === undefined) continue;
    if (flags.has(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      if (flag === "--users") o.users = true;
      else if (flag === "--protect") o.protect = true;
      else o.force = true;
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) throw new UsageError(`unknown option '${arg}'`);
    const value = inline ?? args[++i];
    if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
    switch (flag) {
      case "--instance-id":
        o.instanceId = value;
        break;
      case "--region":
        o.region = value;
        break;
      case "--out":
        o.out = value;
        break;
      case "--stack":
        if (!STACK_NAME.test(value))
          throw new UsageError(`--stack '${value}': a stack name is 1-100 letters, digits, '_', '.' or '-'`);
        o.stack = value;
        break;
      case "--format":
        if (value !== "ts" && value !== "json")
          throw new UsageError(`--format must be ts or json, not '${value}'`);
        o.format = value;
        break;
      case "--rate-limits":
        try {
          o.rateLimits = parseRateLimits(value);
        } catch (e) {
          throw new UsageError(
            `--rate-limits: ${(e as Error).message.replace(/^stack config connect:rateLimits /, "")}`,
          );
        }
        break;
      case "--ai-agent":
        if (!value.startsWith("arn:"))
          throw new UsageError(`--ai-agent takes an AI agent's ARN, not '${value}'`);
        o.aiAgents.push(value);
        break;
      default:
        throw new UsageError(`unknown option '${arg}'`);
    }
  }
  if (o.instanceId === undefined) throw new UsageError("--instance-id is required");
  // InstanceId in the Connect model: a string of 1 to 100 characters (an id or the instance ARN).
  if (o.instanceId.length > 100)
    throw new UsageError("--instance-id is at most 100 characters (Connect's InstanceId)");
  const region = o.region ?? env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"];
  if (!region) throw new UsageError("no Region: give --region, or set AWS_REGION");
  if (!REGION.test(region)) throw new UsageError(`Region '${region}' is not ${REGION_HINT}`);
  return {
    instanceId: o.instanceId,
    region,
    format: o.format ?? "ts",
    out: o.out ?? ".",
    stack: o.stack ?? "dev",
    users: o.users ?? false,
    aiAgents: [...new Set(o.aiAgents)],
    protect: o.protect ?? false,
    force: o.force ?? false,
    rateLimits: o.rateLimits ?? {},
  };
}
