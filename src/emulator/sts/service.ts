import { randomUUID } from "node:crypto";
import { validationMessage } from "../core/constraints";
import type { LiveState } from "../core/live-state";
import type { Metrics } from "../core/metrics";
import { ModelReader, type OperationContract, type ServiceModel } from "../core/model";
import type { ApiCall, Outcome } from "../core/pipeline";
import { queryError, queryParams, queryResponse, readQueryInput } from "../core/query";
import { securityToken, type CredentialScope } from "../core/sigv4";
import { STS_MODEL } from "../models";
import { StsError } from "./errors";
import { callerOf, CredentialError } from "./identity";
import { stsOperations, type StsOperation } from "./operations";

/**
 * STS on the emulator's port, in its own protocol (the AWS query protocol, read by its model):
 * GetCallerIdentity and AssumeRole. Every answer, errors included, is its XML; it is neither
 * throttled nor faulted.
 */
export class StsService {
  private readonly model: ServiceModel = STS_MODEL;
  private readonly reader = new ModelReader(STS_MODEL);
  private readonly operations: ReadonlyMap<string, { op: StsOperation; contract: OperationContract }>;

  constructor(private readonly parts: { live: LiveState; metrics: Metrics }) {
    // Each operation bound to its contract at start: one the model does not have is refused here.
    this.operations = new Map(
      stsOperations.map((op) => [op.operation, { op, contract: this.reader.contract(op.operation) }]),
    );
  }

  /** The SigV4 signing name that routes a request here. */
  get signingName(): string {
    return this.model.metadata.signingName ?? this.model.metadata.endpointPrefix;
  }

  run(call: ApiCall, scope: CredentialScope, now: number): Outcome {
    const requestId = randomUUID();
    const reply = (status: number, body: string): Outcome => ({
      result: undefined,
      reply: { status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body },
    });
    try {
      const { operation, result } = this.answer(call, scope, now);
      return reply(200, queryResponse(this.model, operation, result, requestId));
    } catch (e) {
      const err = e instanceof StsError ? e : new StsError("InternalFailure", `emulator bug: ${String(e)}`);
      return reply(err.status, queryError(this.model, err.type, err.code, err.message, requestId));
    }
  }

  private answer(call: ApiCall, scope: CredentialScope, now: number): { operation: string; result: unknown } {
    const { live, metrics } = this.parts;
    let caller;
    try {
      caller = callerOf(live.document, scope.accessKeyId, securityToken(call.headers), now);
    } catch (e) {
      if (e instanceof CredentialError)
        throw new StsError(e.expired ? "ExpiredToken" : "InvalidClientTokenId", e.message);
      throw e;
    }
    const params = queryParams(call.url, call.body);
    const action = params.get("Action") ?? "";
    const version = params.get("Version") ?? this.model.metadata.apiVersion;
    const { op, contract } = this.operations.get(action) ?? {};
    if (!op || !contract || version !== this.model.metadata.apiVersion)
      throw new StsError("InvalidAction", `Could not find operation ${action} for version ${version}`);
    metrics.call(op.operation, now, caller.accountId);
    try {
      const inputShape = this.model.operations[op.operation]?.input?.shape;
      const input = inputShape === undefined ? {} : readQueryInput(this.model, inputShape, params);
      const invalid = validationMessage(contract.input, input);
      if (invalid !== undefined) throw new StsError("ValidationError", invalid);
      const result = op.handler({ doc: live.document, caller, now }, input);
      if (op.mutates) live.save();
      return { operation: op.operation, result };
    } catch (e) {
      metrics.error(op.operation, e instanceof StsError ? e.code : "InternalFailure", caller.accountId);
      throw e;
    }
  }
}
