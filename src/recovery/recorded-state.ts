import { formatBotAssociationId } from "../bot-association/id";
import type { BotAssociationInputs } from "../bot-association/check";
import { formatFlowAssociationId } from "../flow-association/id";
import type { FlowAssociationInputs } from "../flow-association/check";
import { formatProfileObjectDeletionId } from "../profile-object-deletion/id";
import type { ProfileObjectDeletionInputs } from "../profile-object-deletion/check";
import { formatSecurityProfileAssociationId } from "../security-profile-association/id";
import type { SecurityProfileAssociationInputs } from "../security-profile-association/check";
import { formatWorkspaceAssociationId } from "../workspace-association/id";
import type { WorkspaceAssociationInputs } from "../workspace-association/check";

/** The id a create would have returned, and outputs that `pulumi refresh` can verify against AWS. */
export interface RecordedState {
  id: string;
  outputs: Record<string, unknown>;
}

type Recorder = (inputs: Record<string, unknown>) => RecordedState;

/**
 * Per resource type, the state a create of these (checked) inputs would have recorded. Every id is
 * a function of the inputs, so it can be computed without AWS. The outputs are the inputs plus the
 * output-only properties; `pulumi refresh` then keeps exactly what AWS really holds: a read narrows
 * the managed profiles and ARNs to those attached, and drops the resource when nothing is.
 */
const RECORDERS: Record<string, Recorder> = {
  BotAssociation: (i) => {
    const p = i as unknown as BotAssociationInputs;
    const bot = p.lexBot
      ? { lexVersion: "V1" as const, name: p.lexBot.name, lexRegion: p.lexBot.lexRegion }
      : { lexVersion: "V2" as const, aliasArn: p.lexV2Bot?.aliasArn ?? "" };
    const id = formatBotAssociationId(p.instanceId, bot);
    return { id, outputs: { ...i, lexVersion: bot.lexVersion, associationId: id } };
  },
  SecurityProfileAssociation: (i) => {
    const p = i as unknown as SecurityProfileAssociationInputs;
    return {
      id: formatSecurityProfileAssociationId(p.instanceId, p.entityType, p.entityArn),
      outputs: { ...i },
    };
  },
  WorkspaceAssociation: (i) => {
    const p = i as unknown as WorkspaceAssociationInputs;
    return { id: formatWorkspaceAssociationId(p.instanceId, p.workspaceId), outputs: { ...i } };
  },
  FlowAssociation: (i) => {
    const id = formatFlowAssociationId(i as unknown as FlowAssociationInputs);
    return { id, outputs: { ...i, associationId: id } };
  },
  // Whether the interrupted deletion ran is unknown: verifyOnRefresh makes the refresh look, and drop
  // the resource (so that the next up deletes) if the object is still there. The next up sets
  // verifyOnRefresh back to the program's value, in place.
  ProfileObjectDeletion: (i) => ({
    id: formatProfileObjectDeletionId(i as unknown as ProfileObjectDeletionInputs),
    outputs: {
      ...i,
      verifyOnRefresh: true,
      outcome: "deleted",
      message: "recorded after an interrupted pulumi up; verified by the refresh that followed",
      executedAt: new Date().toISOString(),
    },
  }),
};

const TYPE_PREFIX = "pulumi-nodejs:dynamic/connect:";

/** The recorded state for a resource of `type` (a type token), or undefined when it is not one of ours. */
export function recordedState(type: string, inputs: Record<string, unknown>): RecordedState | undefined {
  if (!type.startsWith(TYPE_PREFIX)) return undefined;
  return RECORDERS[type.slice(TYPE_PREFIX.length)]?.(inputs);
}
