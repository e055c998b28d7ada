import type { CheckFailure } from "../validation/checker";

/**
 * The inputs of an import (`pulumi import`, `<Class>.get`), checked with the resource's own check:
 * what the id gives must satisfy every rule a program's inputs do, or the import fails naming the
 * rules, before any AWS call. `fromAws` is the input AWS supplies later (the flow, the members, the
 * profiles): until it is known (undefined), its own failures do not count.
 */
export function importedInputs<T>(
  resource: string,
  id: string,
  checked: { inputs: T; failures: CheckFailure[] },
  fromAws?: { property: string; value: unknown },
): T {
  const broken = checked.failures.filter(
    (f) => fromAws === undefined || fromAws.value !== undefined || !f.property.startsWith(fromAws.property),
  );
  if (broken.length > 0)
    throw new Error(`${resource} ${id} cannot be imported: ${broken.map((f) => f.reason).join("; ")}`);
  return checked.inputs;
}
