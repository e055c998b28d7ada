import { awsError } from "../core/errors";
import type { HandlerContext, Route } from "../core/router";
import type { ConnectErrorCode } from "./errors";
import { findResource } from "./flow-resources";

/**
 * DescribePhoneNumber. From the model: GET /phone-number/{PhoneNumberId}, the answer
 * `{ ClaimedPhoneNumberSummary }` with PhoneNumberId, PhoneNumberArn, TargetArn (the instance or
 * traffic distribution group the number's traffic goes through), InstanceId and PhoneNumberStatus
 * (CLAIMED | IN_PROGRESS | FAILED), and the errors InvalidParameter (400), ResourceNotFound (404),
 * Throttling, InternalService and AccessDenied. From its documentation: PhoneNumberId is the number's
 * id or its ARN.
 *
 * The emulator's choices: the numbers it describes are the VOICE numbers of the instances in the
 * request's Region (an SMS or WhatsApp number of the seed is an End User Messaging resource, not a
 * number claimed in Connect, and is ResourceNotFoundException like an unknown one); a number's
 * instance-scoped ARN (`…:instance/<instanceId>/phone-number/<id>`) names it too; every number is
 * CLAIMED to its instance, TargetArn being the instance's ARN; the answer holds no more than the seed
 * knows (no PhoneNumber, country or type); bad input is InvalidParameterException.
 */
function describePhoneNumber(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const id = (raw as { PhoneNumberId: string }).PhoneNumberId;
  for (const inst of ctx.state.connect.instances) {
    if (inst.region !== ctx.region) continue;
    const number = findResource(inst, "VOICE_PHONE_NUMBER", id, ctx.now);
    if (number)
      return {
        ClaimedPhoneNumberSummary: {
          PhoneNumberId: number.id,
          PhoneNumberArn: number.arn,
          TargetArn: inst.arn,
          InstanceId: inst.id,
          PhoneNumberStatus: { Status: "CLAIMED" },
        },
      };
  }
  throw awsError("ResourceNotFoundException", `Phone number not found: ${id}`);
}

export const phoneNumberRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "DescribePhoneNumber",
    validationError: "InvalidParameterException",
    mutates: false,
    handler: describePhoneNumber,
  },
];
