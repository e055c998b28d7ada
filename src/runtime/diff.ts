import { forEngine, type CheckFailure } from "../validation/checker";
import type { Lifecycle } from "./context";
/** The dynamic-provider diff result (the fields the engine reads). */
export interface DiffOutcome {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * Plans a diff from the properties whose change forces a replacement, the ones updated in place,
 * and the AWS identity. `deleteBeforeReplace` is set exactly when the old and new AWS identity are
 * the same: creating the new one first would then collide with (or be removed with) the old one.
 * A changed `__provider` alone is a change (so state gets the new code) with no replacement.
 */
export function planDiff(opts: {
  olds: Record<string, unknown>;
  news: Record<string, unknown>;
  replaceKeys: readonly string[];
  updateKeys: readonly string[];
  identity: (props: Record<string, unknown>) => string;
}): DiffOutcome {
  const differs = (k: string) => JSON.stringify(opts.olds[k]) !== JSON.stringify(opts.news[k]);
  const replaces = opts.replaceKeys.filter(differs);
  const updates = opts.updateKeys.filter(differs);
  const codeChanged = opts.olds["__provider"] !== opts.news["__provider"];
  return {
    changes: replaces.length > 0 || updates.length > 0 || codeChanged,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && opts.identity(opts.olds) === opts.identity(opts.news),
  };
}

/** Properties without the engine's `__provider`. */
export function withoutProvider<T extends Record<string, unknown>>(props: T): Omit<T, "__provider"> {
  const { __provider: _, ...rest } = props;
  return rest;
}

/**
 * The inputs that read's outputs imply: the outputs without `__provider` and the output-only keys.
 * A dynamic `read` may return them since @pulumi/pulumi 3.216.0 (pulumi/pulumi#21315; older
 * releases ignore them). `pulumi refresh` then records what AWS holds as the inputs too, so the
 * next `pulumi preview --diff` shows what `up` will change (`flowId: "b" => "a"`) instead of a bare
 * `~ update`: the engine shows an update's diff from the old inputs to the program's.
 */
export function inputsOf(outputs: object, outputOnly: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(withoutProvider({ ...outputs })).filter(([k]) => !outputOnly.includes(k)),
  );
}

/**
 * The check and diff steps every resource shares the shape of: check validates without AWS; diff
 * plans from the replace / update keys and the AWS identity, on inputs `normalise`d first where
 * two spellings mean the same thing (an ID and its ARN, key order in triggers).
 */
export function checkAndDiff(spec: {
  check: (news: Record<string, unknown>) => { inputs: Record<string, unknown>; failures: CheckFailure[] };
  replaceKeys: readonly string[];
  updateKeys: readonly string[];
  identity: (props: Record<string, unknown>) => string;
  normalise?: (props: Record<string, unknown>) => Record<string, unknown>;
}): Pick<Lifecycle, "check" | "diff"> {
  const normalise = spec.normalise ?? ((p: Record<string, unknown>) => p);
  return {
    async check(_olds: Record<string, unknown>, news: Record<string, unknown>) {
      const { inputs, failures } = spec.check(news);
      return { inputs, failures: failures.map(forEngine) };
    },
    async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
      return planDiff({
        olds: normalise(olds),
        news: normalise(news),
        replaceKeys: spec.replaceKeys,
        updateKeys: spec.updateKeys,
        identity: spec.identity,
      });
    },
  };
}
