import { awsError } from "../core/errors";
import type { HandlerContext } from "../core/router";
import type { InstanceState } from "../state";

/**
 * The instance an `InstanceId` names in the request's Region: its id or its ARN, as Connect accepts
 * both. Unknown → ResourceNotFoundException, the error every Connect operation documents for it.
 */
export function findInstance(ctx: HandlerContext, instanceId: string): InstanceState {
  const inst = ctx.state.connect.instances.find(
    (i) => i.region === ctx.region && (i.id === instanceId || i.arn === instanceId),
  );
  if (!inst) throw awsError("ResourceNotFoundException", `Instance not found: ${instanceId}`);
  return inst;
}
