import { AssociatePhoneNumberContactFlowCommand } from "@aws-sdk/client-connect";
import type { RunningEmulator } from "../../src/emulator";
import { connectClient } from "./emulator";
import { INSTANCE } from "./seeds/base";

/** Resource ARN → flow ARN, from the emulator's association table. */
export function flowTable(em: RunningEmulator): Record<string, string> {
  return Object.fromEntries(
    (em.state().connect.instances[0]?.flowAssociations ?? []).map((a) => [a.resourceArn, a.flowArn]),
  );
}

/** Points a voice number at a flow behind the stack's back, as another team would. */
export function repoint(em: RunningEmulator, phoneNumberId: string, flowId: string): Promise<unknown> {
  return connectClient(em).send(
    new AssociatePhoneNumberContactFlowCommand({
      InstanceId: INSTANCE,
      PhoneNumberId: phoneNumberId,
      ContactFlowId: flowId,
    }),
  );
}
