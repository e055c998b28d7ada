import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { connectRoutes } from "../../src/emulator/connect/routes";
import { profilesRoutes } from "../../src/emulator/profiles/routes";
import { resetEmulator, stateOf } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { CONFORMANCE_SEED, FIXTURES, type Fixture } from "./fixtures";
import { CONNECT, CUSTOMER_PROFILES, modelledErrors, operationOf, type Model } from "./model";
import { outputProblems } from "./validate";
import { violationsOf, type Violation } from "./violations";
import { rawCall, sdkCall, sdkFailure } from "./wire";

/*
 * The conformance tier: for every operation the emulator implements, cases generated from AWS's
 * model (src/emulator/models/*.json, botocore's), each sent as a real signed request: a valid request
 * answers the modelled status with a body valid against the output shape (raw, to see every member)
 * and through the real SDK v3 client; each input constraint broken once answers one of the
 * operation's modelled 400 errors and changes nothing; an unknown instance, domain or entity answers
 * the modelled ResourceNotFoundException, 404; each operation with a paginator in the model pages to
 * the end in small pages, each item once.
 */

const EMULATED = new Set<string>([...connectRoutes, ...profilesRoutes].map((r) => r.operation));
const MODELS: readonly Model[] = [CONNECT, CUSTOMER_PROFILES];
/** Page size for paging: small, so that every listing takes several pages. */
const PAGE = 3;

interface Counts {
  valid: number;
  violations: number;
  unknown: number;
  paging: number;
}
const counts: Record<string, Counts> = {};

/** Each violation once, however many valid requests it was derived from. */
function violationsFor(model: Model, operation: string, fixture: Fixture): Violation[] {
  const input = operationOf(model, operation).input?.shape ?? "";
  const seen = new Map<string, Violation>();
  for (const v of fixture.valid.flatMap((valid) => violationsOf(model, input, valid))) {
    const key = `${v.path} ${v.constraint}`;
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()];
}

async function prepare(em: RunningEmulator, model: Model, steps: Fixture["setup"]): Promise<void> {
  await resetEmulator(em);
  for (const [operation, input] of steps ?? []) await sdkCall(em, model, operation, input);
}

describe("conformance fixtures", () => {
  it("cover every operation the emulator implements, each an operation of AWS's model", () => {
    const missing = [...EMULATED].filter((op) => !(op in FIXTURES));
    expect(missing).toEqual([]);
    for (const [op, f] of Object.entries(FIXTURES)) expect(Object.keys(f.model.operations)).toContain(op);
  });

  it("page every emulated operation that has a paginator in the model", () => {
    const paginated = MODELS.flatMap((m) => Object.keys(m.paginators)).filter((op) => EMULATED.has(op));
    expect(paginated.filter((op) => FIXTURES[op]?.paging === undefined)).toEqual([]);
  });
});

// Only operations the emulator serves get cases (a fixture may be written ahead of its operation).
for (const [operation, fixture] of Object.entries(FIXTURES).filter(([op]) => EMULATED.has(op))) {
  const { model } = fixture;
  const op = operationOf(model, operation);
  const errors = modelledErrors(model, operation);
  const validation = Object.entries(errors).filter(([, status]) => status === 400);
  const violations = violationsFor(model, operation, fixture);
  const paginator = model.paginators[operation];
  const emulated = EMULATED.has(operation);
  if (emulated)
    counts[operation] = {
      valid: fixture.valid.length * 2,
      violations: violations.length,
      unknown: fixture.unknown.length,
      paging: paginator ? 1 : 0,
    };

  describe(`${operation} (${model.metadata.serviceId})`, () => {
    let em: RunningEmulator;
    beforeAll(async () => {
      em = await emulatorWith(CONFORMANCE_SEED);
    });
    afterAll(async () => em.close());
    beforeEach(async () => prepare(em, model, fixture.setup));

    fixture.valid.forEach((input, i) => {
      it(`valid request ${i + 1} answers ${op.http.responseCode ?? 200} with a body that is a ${op.output?.shape ?? "empty answer"}`, async () => {
        const r = await rawCall(em, model, operation, input);
        expect([r.status, r.errorType]).toEqual([op.http.responseCode ?? 200, null]);
        if (op.output) expect(outputProblems(model, op.output.shape, r.body ?? {})).toEqual([]);
        else expect(r.body).toBeUndefined();
      });

      it(`valid request ${i + 1} succeeds through the AWS SDK v3 client`, async () => {
        const out = await sdkCall(em, model, operation, input);
        expect((out["$metadata"] as { httpStatusCode?: number }).httpStatusCode).toBe(
          op.http.responseCode ?? 200,
        );
      });
    });

    for (const v of violations) {
      it(`${v.path} breaking ${v.constraint} answers a modelled 400 validation error and changes nothing`, async () => {
        const before = await stateOf(em);
        const r = await rawCall(em, model, operation, v.input);
        expect(validation.map(([code]) => code)).toContain(r.errorType);
        expect(r.status).toBe(errors[r.errorType ?? ""]);
        expect(outputProblems(model, r.errorType ?? "", r.body)).toEqual([]);
        expect(await stateOf(em)).toEqual(before);
      });
    }

    fixture.unknown.forEach((input, i) => {
      it(`unknown resource ${i + 1} answers the modelled ResourceNotFoundException, 404`, async () => {
        expect(errors["ResourceNotFoundException"]).toBe(404);
        expect(await sdkFailure(sdkCall(em, model, operation, input))).toEqual({
          name: "ResourceNotFoundException",
          status: 404,
        });
      });
    });

    const paging = fixture.paging;
    if (paginator && paging) {
      it(`pages to the end ${PAGE} at a time (${paginator.limit_key ?? "no limit key"}), each of the ${paging.total} items once`, async () => {
        await prepare(em, model, [...(fixture.setup ?? []), ...(paging.setup ?? [])]);
        const items: unknown[] = [];
        let token: unknown;
        for (let pages = 0; pages < 100; pages++) {
          const out = await sdkCall(em, model, operation, {
            ...paging.input,
            ...(paginator.limit_key ? { [paginator.limit_key]: PAGE } : {}),
            ...(token === undefined ? {} : { [paginator.input_token]: token }),
          });
          const page = (out[paginator.result_key] as unknown[] | undefined) ?? [];
          expect(page.length).toBeLessThanOrEqual(PAGE);
          items.push(...page);
          token = out[paginator.output_token];
          if (token === undefined) break;
        }
        expect(token).toBeUndefined();
        expect(items).toHaveLength(paging.total);
        expect(new Set(items.map((x) => JSON.stringify(x))).size).toBe(paging.total);
      });
    }
  });
}

afterAll(() => {
  const version = CONNECT.source.version;
  const rows = Object.entries(counts).map(([op, c]) => ({
    operation: op,
    ...c,
    total: c.valid + c.violations + c.unknown + c.paging,
  }));
  const record = { botocore: version, operations: rows, total: rows.reduce((n, r) => n + r.total, 0) };
  mkdirSync(".test-results", { recursive: true });
  writeFileSync(".test-results/conformance-cases.json", `${JSON.stringify(record, null, 2)}\n`);
  console.log(`conformance cases per operation (botocore ${version}):`);
  console.table(rows);
});
