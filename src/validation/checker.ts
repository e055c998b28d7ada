import { isUnknown } from "./unknown";

/** A check failure in the shape the Pulumi engine shows: the property and the rule it breaks. */
export interface CheckFailure {
  property: string;
  reason: string;
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** How the pattern reads to a person, e.g. "arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>". */
  patternHint?: string;
  enum?: readonly string[];
}

/** The longest value a message quotes whole, in characters (code points, as the length rules count). */
const SHOWN_MAX = 80;

/** A value as a message quotes it: whole up to 80 characters, else its start and its length. */
export function shown(value: string): string {
  const chars = [...value];
  return chars.length > SHOWN_MAX
    ? `'${chars.slice(0, SHOWN_MAX).join("")}…' (${chars.length} characters)`
    : `'${value}'`;
}

/**
 * A failure as the engine can show it. The engine prints `property <p> value <inputs[p]>`, looking
 * `p` up among the top-level inputs only (pulumi/pulumi pkg/resource/deploy/step_generator.go,
 * issueCheckFailures): a nested path (`lexBot.name`, `resourceArns[3]`) or several properties
 * (`lexBot | lexV2Bot`) would print `value {<nil>}`. Those become resource-level failures (no
 * property), whose reason already names the path and the value.
 */
export function forEngine(failure: CheckFailure): CheckFailure {
  return /^[A-Za-z_$][\w$]*$/.test(failure.property) ? failure : { property: "", reason: failure.reason };
}

/**
 * The library's constraint vocabulary for `check`: each rule records a failure that names the
 * property and the rule, so `pulumi preview` rejects bad input before any AWS call. Unknown
 * (preview) values pass every rule.
 */
export class Checker {
  readonly failures: CheckFailure[] = [];

  /** Records a failure, unless the property already has one: one message per property, the first rule it breaks. */
  fail(property: string, reason: string): void {
    if (!this.failures.some((f) => f.property === property)) this.failures.push({ property, reason });
  }

  /** Returns the value when it is a present, known string that satisfies the rule. */
  string(property: string, value: unknown, rule: StringRule): string | undefined {
    if (isUnknown(value)) return undefined;
    if (value === undefined || value === null) {
      if (rule.required) this.fail(property, `${property} is required`);
      return undefined;
    }
    if (typeof value !== "string") {
      this.fail(property, `${property} must be a string, got ${typeof value}`);
      return undefined;
    }
    const len = [...value].length;
    const broken =
      rule.min !== undefined && len < rule.min
        ? len === 0
          ? `${property} must not be empty`
          : `${property} must be at least ${rule.min} characters long, got ${len}`
        : rule.max !== undefined && len > rule.max
          ? `${property} must be at most ${rule.max} characters long, got ${len}`
          : rule.pattern && !rule.pattern.test(value)
            ? `${property} must match ${rule.patternHint ?? rule.pattern.source}, got ${shown(value)}`
            : rule.enum && !rule.enum.includes(value)
              ? `${property} must be one of ${rule.enum.join(", ")}, got ${shown(value)}`
              : undefined;
    if (broken === undefined) return value;
    this.fail(property, broken);
    return undefined;
  }

  boolean(property: string, value: unknown): boolean | undefined {
    if (isUnknown(value) || value === undefined || value === null) return undefined;
    if (typeof value !== "boolean") {
      this.fail(property, `${property} must be a boolean, got ${typeof value}`);
      return undefined;
    }
    return value;
  }

  /** Returns the value as a plain object when it is one (or undefined, recording a failure if not). */
  object(property: string, value: unknown, required = false): Record<string, unknown> | undefined {
    if (isUnknown(value)) return undefined;
    if (value === undefined || value === null) {
      if (required) this.fail(property, `${property} is required`);
      return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      this.fail(property, `${property} must be an object`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** Exactly one of the named properties is set (unknown counts as set). */
  exactlyOne(record: Record<string, unknown>, properties: readonly string[]): void {
    const set = properties.filter((p) => record[p] !== undefined && record[p] !== null);
    if (set.length !== 1) {
      this.fail(
        properties.join(" | "),
        set.length === 0
          ? `exactly one of ${properties.join(", ")} is required, got none`
          : `exactly one of ${properties.join(", ")} may be set, got ${set.join(" and ")}`,
      );
    }
  }
}
