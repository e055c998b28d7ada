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

function shown(value: string): string {
  return value.length > 80 ? `'${value.slice(0, 80)}…' (${value.length} characters)` : `'${value}'`;
}

/**
 * The library's constraint vocabulary for `check`: each rule records a failure that names the
 * property and the rule, so `pulumi preview` rejects bad input before any AWS call. Unknown
 * (preview) values pass every rule.
 */
export class Checker {
  readonly failures: CheckFailure[] = [];

  fail(property: string, reason: string): void {
    this.failures.push({ property, reason });
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
    const before = this.failures.length;
    if (rule.min !== undefined && len < rule.min)
      this.fail(
        property,
        `${property} must be at least ${rule.min} character${rule.min === 1 ? "" : "s"} long, got ${len}`,
      );
    if (rule.max !== undefined && len > rule.max)
      this.fail(property, `${property} must be at most ${rule.max} characters long, got ${len}`);
    if (rule.pattern && !rule.pattern.test(value))
      this.fail(
        property,
        `${property} must match ${rule.patternHint ?? rule.pattern.source}, got ${shown(value)}`,
      );
    if (rule.enum && !rule.enum.includes(value))
      this.fail(property, `${property} must be one of ${rule.enum.join(", ")}, got ${shown(value)}`);
    return this.failures.length === before ? value : undefined;
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
