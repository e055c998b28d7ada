import {
  DescribeUserCommand,
  GetFlowAssociationCommand,
  paginateListBots,
  paginateListEntitySecurityProfiles,
  paginateListFlowAssociations,
  paginateListPhoneNumbersV2,
  paginateListUsers,
  paginateSearchWorkspaceAssociations,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { isAwsError, wrapAwsError } from "../../aws/errors";
import { LISTABLE_FLOW_RESOURCE_TYPES } from "../../flow-association/resource-types";
import type { Association, Inventory } from "./inventory";
import type { Progress } from "./progress";

/** Largest pages the model allows (MaxResult25 for ListBots, 500, 1000, 100 for the others). */
const PAGE = {
  ListBots: 25,
  SearchWorkspaceAssociations: 500,
  ListFlowAssociations: 1000,
  ListPhoneNumbersV2: 1000,
  ListUsers: 1000,
  ListEntitySecurityProfiles: 100,
} as const;

/** Calls made once per item run this many at a time; the client's pacing keeps them under the quota. */
const PER_ITEM_CONCURRENCY = 4;

/** What to read besides bots, workspaces and flows. */
export interface ReadScope {
  users: boolean;
  aiAgents: readonly string[];
}

/** Runs `work` for each item, a few at a time, reporting each one done. */
async function eachItem<T>(
  items: readonly T[],
  tick: (done: number) => void,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
      tick(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PER_ITEM_CONCURRENCY, items.length) }, worker));
}

/**
 * Reads every association this package manages on one instance, paged to the end, through a client
 * paced under Connect's quota. Each listing's failure becomes an AwsCallError naming the operation
 * and AWS's error code.
 */
export class InstanceReader {
  private readonly found: Association[] = [];
  private readonly labels = new Map<string, string>();

  constructor(
    private readonly client: ConnectClient,
    private readonly instanceId: string,
    private readonly region: string,
    private readonly progress: Progress,
  ) {}

  /**
   * Connect's quota is per operation, so the chains of different operations run side by side and
   * an export takes about as long as its longest chain (DescribeUser per user, usually), not the
   * sum of all; calls of one operation follow each other.
   */
  async read(scope: ReadScope): Promise<Inventory> {
    await Promise.all([
      (async () => {
        await this.bots("V1");
        await this.bots("V2");
      })(),
      this.workspaces(),
      this.flows(),
      this.phoneNumbers(),
      scope.users ? this.users() : undefined,
      (async () => {
        for (const arn of scope.aiAgents) await this.aiAgent(arn);
      })(),
    ]);
    return {
      instanceId: this.instanceId,
      region: this.region,
      associations: this.found,
      labels: this.labels,
    };
  }

  private async pages<P>(
    operation: string,
    target: string,
    pages: AsyncIterable<P>,
    each: (page: P) => void,
  ) {
    try {
      for await (const page of pages) {
        this.progress.called();
        each(page);
      }
    } catch (e) {
      throw wrapAwsError(operation, target, e);
    }
  }

  private get on(): string {
    return `instance ${this.instanceId}`;
  }

  /** ListBots with LexVersion V1, then V2: the bots the instance may use. */
  private async bots(version: "V1" | "V2"): Promise<void> {
    this.progress.listing(`Lex ${version} bots (ListBots)`);
    let n = 0;
    const pages = paginateListBots(
      { client: this.client, pageSize: PAGE.ListBots },
      { InstanceId: this.instanceId, LexVersion: version },
    );
    await this.pages("ListBots", this.on, pages, (page) => {
      for (const b of page.LexBots ?? []) {
        if (b.LexBot?.Name) {
          n++;
          this.found.push({
            type: "BotAssociation",
            lexBot: { name: b.LexBot.Name, lexRegion: b.LexBot.LexRegion ?? this.region },
          });
        } else if (b.LexV2Bot?.AliasArn) {
          n++;
          this.found.push({ type: "BotAssociation", lexV2Bot: { aliasArn: b.LexV2Bot.AliasArn } });
        }
      }
    });
    this.progress.found(`Lex ${version} bots`, n, "associated");
  }

  /** SearchWorkspaceAssociations without criteria: every workspace's members. */
  private async workspaces(): Promise<void> {
    this.progress.listing("workspace members (SearchWorkspaceAssociations)");
    const workspaces = new Set<string>();
    let n = 0;
    const pages = paginateSearchWorkspaceAssociations(
      { client: this.client, pageSize: PAGE.SearchWorkspaceAssociations },
      { InstanceId: this.instanceId },
    );
    await this.pages("SearchWorkspaceAssociations", this.on, pages, (page) => {
      for (const a of page.WorkspaceAssociations ?? []) {
        if (!a.WorkspaceId || !a.ResourceArn) continue;
        workspaces.add(a.WorkspaceId);
        n++;
        this.found.push({
          type: "WorkspaceAssociation",
          workspaceId: a.WorkspaceId,
          resourceArn: a.ResourceArn,
        });
        if (a.ResourceName) this.labels.set(a.ResourceArn, a.ResourceName);
      }
    });
    this.progress.found("workspace members", n, `in ${workspaces.size} workspaces`);
  }

  /** ListFlowAssociations for each type it takes (every flow resource type but SMS numbers). */
  private async flows(): Promise<void> {
    for (const type of LISTABLE_FLOW_RESOURCE_TYPES) {
      this.progress.listing(`${type} flow associations (ListFlowAssociations)`);
      let n = 0;
      const pages = paginateListFlowAssociations(
        { client: this.client, pageSize: PAGE.ListFlowAssociations },
        { InstanceId: this.instanceId, ResourceType: type },
      );
      await this.pages("ListFlowAssociations", `${type} on ${this.on}`, pages, (page) => {
        for (const a of page.FlowAssociationSummaryList ?? []) {
          if (!a.ResourceId || !a.FlowId) continue;
          n++;
          this.found.push({
            type: "FlowAssociation",
            resourceType: type,
            resourceId: a.ResourceId,
            flowId: a.FlowId,
          });
        }
      });
      this.progress.found(`${type} flow associations`, n, "found");
    }
  }

  /**
   * The instance's numbers (ListPhoneNumbersV2), for their E.164 names and for SMS: ListFlowAssociations
   * does not take SMS_PHONE_NUMBER, so each number imported from AWS End User Messaging (the ones
   * with a SourcePhoneNumberArn, the ARN the SMS flow association names) is asked with GetFlowAssociation.
   */
  private async phoneNumbers(): Promise<void> {
    this.progress.listing("phone numbers (ListPhoneNumbersV2)");
    const smsCandidates: string[] = [];
    let n = 0;
    const pages = paginateListPhoneNumbersV2(
      { client: this.client, pageSize: PAGE.ListPhoneNumbersV2 },
      { InstanceId: this.instanceId },
    );
    await this.pages("ListPhoneNumbersV2", this.on, pages, (page) => {
      for (const p of page.ListPhoneNumbersSummaryList ?? []) {
        n++;
        for (const key of [p.PhoneNumberArn, p.PhoneNumberId, p.SourcePhoneNumberArn])
          if (key && p.PhoneNumber) this.labels.set(key, p.PhoneNumber);
        if (p.SourcePhoneNumberArn) smsCandidates.push(p.SourcePhoneNumberArn);
      }
    });
    this.progress.found("phone numbers", n, `(${smsCandidates.length} from End User Messaging)`);
    const tick = this.progress.perItem("GetFlowAssociation (SMS)", smsCandidates.length);
    await eachItem(smsCandidates, tick, async (arn) => {
      try {
        this.progress.called();
        const r = await this.client.send(
          new GetFlowAssociationCommand({
            InstanceId: this.instanceId,
            ResourceId: arn,
            ResourceType: "SMS_PHONE_NUMBER",
          }),
        );
        if (r.FlowId)
          this.found.push({
            type: "FlowAssociation",
            resourceType: "SMS_PHONE_NUMBER",
            resourceId: arn,
            flowId: r.FlowId,
          });
      } catch (e) {
        // No flow associated with this number: nothing to export.
        if (!isAwsError(e, "ResourceNotFoundException"))
          throw wrapAwsError("GetFlowAssociation", `SMS number ${arn}`, e);
      }
    });
  }

  /** ListUsers, then DescribeUser per user: a user's security profiles are only in DescribeUser. */
  private async users(): Promise<void> {
    this.progress.listing("users (ListUsers)");
    const users: { id: string; arn: string }[] = [];
    const pages = paginateListUsers(
      { client: this.client, pageSize: PAGE.ListUsers },
      { InstanceId: this.instanceId },
    );
    await this.pages("ListUsers", this.on, pages, (page) => {
      for (const u of page.UserSummaryList ?? []) {
        if (!u.Id || !u.Arn) continue;
        users.push({ id: u.Id, arn: u.Arn });
        if (u.Username) this.labels.set(u.Arn, u.Username);
      }
    });
    this.progress.found("users", users.length, "found");
    const tick = this.progress.perItem("DescribeUser", users.length);
    await eachItem(users, tick, async (u) => {
      this.progress.called();
      const r = await this.client
        .send(new DescribeUserCommand({ InstanceId: this.instanceId, UserId: u.id }))
        .catch((e: unknown) => Promise.reject(wrapAwsError("DescribeUser", `user ${u.arn}`, e)));
      for (const id of r.User?.SecurityProfileIds ?? [])
        this.found.push({
          type: "SecurityProfileAssociation",
          entityType: "USER",
          entityArn: u.arn,
          securityProfileId: id,
        });
    });
  }

  /** ListEntitySecurityProfiles of one AI agent. */
  private async aiAgent(arn: string): Promise<void> {
    this.progress.listing(`security profiles of AI agent ${arn} (ListEntitySecurityProfiles)`);
    let n = 0;
    const pages = paginateListEntitySecurityProfiles(
      { client: this.client, pageSize: PAGE.ListEntitySecurityProfiles },
      { InstanceId: this.instanceId, EntityType: "AI_AGENT", EntityArn: arn },
    );
    await this.pages("ListEntitySecurityProfiles", `AI agent ${arn}`, pages, (page) => {
      for (const p of page.SecurityProfiles ?? []) {
        if (!p.Id) continue;
        n++;
        this.found.push({
          type: "SecurityProfileAssociation",
          entityType: "AI_AGENT",
          entityArn: arn,
          securityProfileId: p.Id,
        });
      }
    });
    this.progress.found("security profiles", n, "attached");
  }
}
