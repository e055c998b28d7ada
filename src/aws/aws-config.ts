import type { ConfigSource } from "./settings";

/** One role of `aws:assumeRoles`, assumed in list order, each with the previous one's credentials. */
export interface AssumeRole {
  roleArn: string;
  sessionName?: string;
  externalId?: string;
  durationSeconds?: number;
}

/**
 * The `aws:` stack config keys this package reads, with `@pulumi/aws`'s meaning. Credentials are
 * kept only in the provider process's memory: never in outputs, `__provider`, logs or errors.
 */
export interface AwsConfig {
  /** `aws:profile`: the shared-config profile to take credentials (and roles) from. */
  profile?: string;
  /** `aws:sharedCredentialsFiles`: where that profile's credentials are (the first file is read). */
  sharedCredentialsFiles?: string[];
  /** `aws:sharedConfigFiles`: where that profile's configuration is (the first file is read). */
  sharedConfigFiles?: string[];
  /** `aws:accessKey` / `aws:secretKey` / `aws:token` (secret config). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** `aws:assumeRoles`. */
  assumeRoles?: AssumeRole[];
  /** `aws:allowedAccountIds`: the only accounts the stack may act in. */
  allowedAccountIds?: string[];
  /** `aws:forbiddenAccountIds`: accounts the stack must never act in. */
  forbiddenAccountIds?: string[];
  /** `aws:endpoints`: per-service endpoints (`connect`, `customerprofiles`, `sts`). */
  endpoints?: { connect?: string; customerprofiles?: string; sts?: string };
  /** `aws:maxRetries`: retries per call (the SDK's attempts are one more). */
  maxRetries?: number;
}

const ACCOUNT_ID = /^\d{12}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Stack config values arrive as strings; lists and objects as JSON. */
function json(key: string, raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new Error(
      `stack config ${key} must be JSON (a list or an object, as pulumi config set --path writes it)`,
    );
  }
}

/**
 * Account ids may arrive as YAML numbers (`pulumi config set --path 'aws:allowedAccountIds[0]' 0123…`
 * writes one): a whole number is read as the id, padded back to 12 digits (a leading 0 is lost in
 * a number, never in an id).
 */
function accountList(key: string, raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw === "") return undefined;
  const v = json(key, raw);
  const ids = Array.isArray(v)
    ? v.map((x: unknown) =>
        typeof x === "number" && Number.isInteger(x) && x >= 0 ? String(x).padStart(12, "0") : x,
      )
    : v;
  return stringList(key, JSON.stringify(ids), { pattern: ACCOUNT_ID, rule: "a 12-digit AWS account id" });
}

function stringList(
  key: string,
  raw: string | undefined,
  item?: { pattern: RegExp; rule: string },
): string[] | undefined {
  if (raw === undefined || raw === "") return undefined;
  const v = json(key, raw);
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === "string" && x !== ""))
    throw new Error(`stack config ${key} must be a list of non-empty strings`);
  for (const x of v)
    if (item && !item.pattern.test(x)) throw new Error(`stack config ${key}: '${x}' is not ${item.rule}`);
  return v;
}

/** `aws:assumeRoles`: roleArn required; `duration` (e.g. "1h", "900s") or `durationSeconds`, 900-43200. */
function assumeRoles(raw: string | undefined): AssumeRole[] | undefined {
  const key = "aws:assumeRoles";
  if (raw === undefined || raw === "") return undefined;
  const v = json(key, raw);
  if (!Array.isArray(v))
    throw new Error(
      `stack config ${key} must be a list of roles ({ roleArn, sessionName, externalId, durationSeconds })`,
    );
  return v.map((r: unknown, i) => {
    const at = `stack config ${key}[${i}]`;
    if (typeof r !== "object" || r === null) throw new Error(`${at} must be an object with a roleArn`);
    const o = r as Record<string, unknown>;
    if (typeof o["roleArn"] !== "string" || !ROLE_ARN.test(o["roleArn"]))
      throw new Error(`${at}.roleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    const role: AssumeRole = { roleArn: o["roleArn"] };
    for (const k of ["sessionName", "externalId"] as const) {
      const x = o[k];
      if (x === undefined) continue;
      if (typeof x !== "string" || x === "") throw new Error(`${at}.${k} must be a non-empty string`);
      role[k] = x;
    }
    const seconds = durationSeconds(at, o["durationSeconds"], o["duration"]);
    if (seconds !== undefined) role.durationSeconds = seconds;
    return role;
  });
}

function durationSeconds(at: string, seconds: unknown, duration: unknown): number | undefined {
  let n: number | undefined;
  if (seconds !== undefined) n = typeof seconds === "number" ? seconds : Number(seconds);
  else if (duration !== undefined) {
    const m = typeof duration === "string" ? /^(\d+)(s|m|h)$/.exec(duration) : null;
    if (!m) throw new Error(`${at}.duration must be a duration such as "15m" or "1h"`);
    n = Number(m[1]) * { s: 1, m: 60, h: 3600 }[m[2] as "s" | "m" | "h"];
  }
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 900 || n > 43200)
    throw new Error(
      `${at}: the session duration must be 900 to 43200 seconds (STS AssumeRole's DurationSeconds)`,
    );
  return n;
}

function endpoints(raw: string | undefined): AwsConfig["endpoints"] {
  const key = "aws:endpoints";
  if (raw === undefined || raw === "") return undefined;
  const v = json(key, raw);
  // @pulumi/aws takes a list of maps; a single map is accepted too.
  const maps = Array.isArray(v) ? v : [v];
  const out: NonNullable<AwsConfig["endpoints"]> = {};
  for (const m of maps) {
    if (typeof m !== "object" || m === null)
      throw new Error(`stack config ${key} must be a list of maps keyed by service`);
    for (const service of ["connect", "customerprofiles", "sts"] as const) {
      const url = (m as Record<string, unknown>)[service];
      if (url === undefined) continue;
      if (typeof url !== "string" || !/^https?:\/\/\S+$/.test(url))
        throw new Error(`stack config ${key}: ${service} must be an http(s) URL`);
      out[service] = url;
    }
  }
  return out;
}

/** Reads the `aws:` keys; a key that is set but malformed fails naming the key (never its value when secret). */
export function awsConfigFrom(config: ConfigSource): AwsConfig {
  const out: AwsConfig = {};
  const profile = config.get("aws:profile");
  if (profile) out.profile = profile;
  const credentialsFiles = stringList("aws:sharedCredentialsFiles", config.get("aws:sharedCredentialsFiles"));
  if (credentialsFiles) out.sharedCredentialsFiles = credentialsFiles;
  const configFiles = stringList("aws:sharedConfigFiles", config.get("aws:sharedConfigFiles"));
  if (configFiles) out.sharedConfigFiles = configFiles;
  const accessKeyId = config.get("aws:accessKey");
  const secretAccessKey = config.get("aws:secretKey");
  const sessionToken = config.get("aws:token");
  if (accessKeyId || secretAccessKey) {
    if (!accessKeyId || !secretAccessKey)
      throw new Error("stack config aws:accessKey and aws:secretKey go together: set both, or neither");
    out.credentials = { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  } else if (sessionToken) {
    throw new Error("stack config aws:token needs aws:accessKey and aws:secretKey");
  }
  const roles = assumeRoles(config.get("aws:assumeRoles"));
  if (roles) out.assumeRoles = roles;
  const allowed = accountList("aws:allowedAccountIds", config.get("aws:allowedAccountIds"));
  if (allowed) out.allowedAccountIds = allowed;
  const forbidden = accountList("aws:forbiddenAccountIds", config.get("aws:forbiddenAccountIds"));
  if (forbidden) out.forbiddenAccountIds = forbidden;
  if (allowed && forbidden)
    throw new Error(
      "stack config aws:allowedAccountIds and aws:forbiddenAccountIds cannot both be set (as in @pulumi/aws)",
    );
  const eps = endpoints(config.get("aws:endpoints"));
  if (eps) out.endpoints = eps;
  const retries = config.get("aws:maxRetries");
  if (retries !== undefined && retries !== "") {
    const n = Number(retries);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`stack config aws:maxRetries must be a whole number ≥ 0, got '${retries}'`);
    out.maxRetries = n;
  }
  return out;
}
