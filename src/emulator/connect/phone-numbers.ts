import { createHash } from "node:crypto";
import { awsError } from "../core/errors";
import { enumOf, patternOf } from "../core/model";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import { CONNECT_MODEL } from "../models";
import { visibleAt, type EmulatorState, type InstanceState, type PhoneNumberState } from "../state";
import type { ConnectErrorCode } from "./errors";
import { findInstance } from "./lookup";

/**
 * DescribePhoneNumber and ListPhoneNumbersV2: the Connect phone numbers of the seed's instances.
 *
 * From the model: DescribePhoneNumber is GET /phone-number/{PhoneNumberId}, answering
 * `{ ClaimedPhoneNumberSummary }`; ListPhoneNumbersV2 is POST /phone-number/list with TargetArn,
 * InstanceId, MaxResults 1-1000, NextToken 1-100000, PhoneNumberCountryCodes (≤ 10 of the
 * PhoneNumberCountryCode enum), PhoneNumberTypes (≤ 6 of PhoneNumberType) and PhoneNumberPrefix
 * (`\+?[0-9]{1,11}`), answering ListPhoneNumbersSummaryList; both document InvalidParameter (400),
 * ResourceNotFound (404), Throttling, InternalService and AccessDenied.
 *
 * From the API reference: PhoneNumberId is the number's id or its ARN. ListPhoneNumbersV2 lists the
 * numbers claimed to the instance InstanceId names, or to the instance or traffic distribution group
 * TargetArn names; with neither, those claimed to every instance of the account in the request's
 * Region; PhoneNumberPrefix "must contain + as part of the country code". ImportPhoneNumber imports
 * a number of AWS End User Messaging into an instance (DescribePhoneNumber then describes it): the
 * imported number is a Connect phone number whose SourcePhoneNumberArn is the End User Messaging
 * ARN it came from. The Service Authorization Reference gives a Connect phone number's ARN as
 * `arn:${Partition}:connect:${Region}:${Account}:phone-number/${PhoneNumberId}`.
 *
 * So the numbers served are the seed's VOICE numbers (claimed to their instance) and its SMS numbers
 * (imported from End User Messaging: SourcePhoneNumberArn their `sms-voice` ARN, PhoneNumberArn their
 * Connect ARN `arn:aws:connect:<instance's region>:<account>:phone-number/<id>`). WHATSAPP numbers
 * are not: a WhatsApp number reaches Connect through its WhatsApp Business Account's event destination
 * (End User Messaging Social), neither claimed nor imported, so it is no Connect phone number.
 *
 * The emulator's choices where the reference is silent (also in docs/emulator.md):
 * - an imported SMS number's Connect PhoneNumberId is its seed id (AWS gives it an id of its own);
 * - a number's instance-scoped ARN (`…:instance/<instanceId>/phone-number/<id>`) names it too;
 * - InstanceId and TargetArn together are InvalidParameterException (the reference says what each
 *   does alone and what neither does, not both; ClaimPhoneNumber's says to give one of them);
 * - a TargetArn that is an instance or traffic-distribution-group ARN the account has not in this
 *   Region is ResourceNotFoundException (the seed has no traffic distribution groups), any other
 *   TargetArn InvalidParameterException, as is a PhoneNumberPrefix without `+`;
 * - an empty PhoneNumberTypes or PhoneNumberCountryCodes filters nothing; the prefix is matched against
 *   the E.164 number; numbers are listed in the seed's order (instances, then their numbers), 100 a
 *   page when MaxResults is absent;
 * - every number is CLAIMED to its instance, TargetArn the instance's ARN; PhoneNumberDescription and
 *   Tags are not answered (the seed has none);
 * - bad input is InvalidParameterException, the only 400 error either operation models.
 */

/** The model's PhoneNumberType and PhoneNumberCountryCode enums and its PhoneNumber (E.164) pattern. */
export const PHONE_NUMBER_TYPES = enumOf(CONNECT_MODEL, "PhoneNumberType");
export const PHONE_NUMBER_COUNTRY_CODES = enumOf(CONNECT_MODEL, "PhoneNumberCountryCode");
export const E164 = patternOf(CONNECT_MODEL, "PhoneNumber");

/**
 * What the seed may say of a number beyond its id, channel and ARN, kept in the state only when the
 * seed gives it (the defaults below are filled in when a number is answered).
 */
export interface PhoneNumberDetails {
  /** E.164. Default: `defaultPhoneNumbers`. */
  phoneNumber?: string;
  /** A PhoneNumberCountryCode. Default: US. */
  countryCode?: string;
  /** A PhoneNumberType. Default: DID. */
  type?: string;
}
export type SeededPhoneNumber = PhoneNumberState & PhoneNumberDetails;

export const DEFAULT_COUNTRY_CODE = "US";
export const DEFAULT_PHONE_NUMBER_TYPE = "DID";
/** Page size of ListPhoneNumbersV2 when MaxResults is absent (the reference gives none). */
export const LIST_PHONE_NUMBERS_DEFAULT_PAGE = 100;

/** The channels whose numbers are Connect phone numbers: claimed (VOICE) or imported (SMS). */
const CONNECT_CHANNELS: readonly string[] = ["VOICE", "SMS"];

const LINE_NUMBERS = 10_000_000;

/**
 * The E.164 number of every number of the account: the seed's own, else `+1555` and seven digits
 * derived from the number's id (the first 32 bits of its SHA-256, modulo 10^7), moved on to the next
 * free one where another number of the account has it. Deterministic for a seed, and unique within
 * the account (the seed refuses two numbers given the same one).
 */
export function e164Numbers(state: EmulatorState): Map<PhoneNumberState, string> {
  const all = state.connect.instances.flatMap((i) => i.phoneNumbers as SeededPhoneNumber[]);
  const out = new Map<PhoneNumberState, string>();
  const taken = new Set<string>();
  for (const p of all) {
    if (p.phoneNumber === undefined) continue;
    out.set(p, p.phoneNumber);
    taken.add(p.phoneNumber);
  }
  for (const p of all) {
    if (p.phoneNumber !== undefined) continue;
    let n = createHash("sha256").update(p.id).digest().readUInt32BE(0) % LINE_NUMBERS;
    while (taken.has(lineNumber(n))) n = (n + 1) % LINE_NUMBERS;
    out.set(p, lineNumber(n));
    taken.add(lineNumber(n));
  }
  return out;
}

function lineNumber(n: number): string {
  return `+1555${String(n).padStart(7, "0")}`;
}

/** The instance's Connect phone numbers (VOICE and SMS) that exist at `now`. */
function connectNumbers(inst: InstanceState, now: number): SeededPhoneNumber[] {
  return inst.phoneNumbers.filter((p) => CONNECT_CHANNELS.includes(p.channel) && visibleAt(p, now));
}

/** A Connect number's ARN: a VOICE number's own; an imported SMS number's, in Connect's form. */
function connectArn(ctx: HandlerContext, inst: InstanceState, p: PhoneNumberState): string {
  return p.channel === "VOICE"
    ? p.arn
    : `arn:aws:connect:${inst.region}:${ctx.state.accountId}:phone-number/${p.id}`;
}

/** The members ListPhoneNumbersSummary and ClaimedPhoneNumberSummary share. */
function summaryOf(
  ctx: HandlerContext,
  inst: InstanceState,
  p: SeededPhoneNumber,
  e164: Map<PhoneNumberState, string>,
): {
  PhoneNumberId: string;
  PhoneNumberArn: string;
  PhoneNumber: string;
  PhoneNumberCountryCode: string;
  PhoneNumberType: string;
  TargetArn: string;
  InstanceId: string;
  SourcePhoneNumberArn?: string;
} {
  return {
    PhoneNumberId: p.id,
    PhoneNumberArn: connectArn(ctx, inst, p),
    PhoneNumber: e164.get(p) ?? "",
    PhoneNumberCountryCode: p.countryCode ?? DEFAULT_COUNTRY_CODE,
    PhoneNumberType: p.type ?? DEFAULT_PHONE_NUMBER_TYPE,
    TargetArn: inst.arn,
    InstanceId: inst.id,
    ...(p.channel === "SMS" ? { SourcePhoneNumberArn: p.arn } : {}),
  };
}

function describePhoneNumber(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const id = (raw as { PhoneNumberId: string }).PhoneNumberId;
  for (const inst of ctx.state.connect.instances) {
    if (inst.region !== ctx.region) continue;
    const number = connectNumbers(inst, ctx.now).find(
      (p) => p.id === id || connectArn(ctx, inst, p) === id || `${inst.arn}/phone-number/${p.id}` === id,
    );
    if (number)
      return {
        ClaimedPhoneNumberSummary: {
          ...summaryOf(ctx, inst, number, e164Numbers(ctx.state)),
          PhoneNumberStatus: { Status: "CLAIMED" },
        },
      };
  }
  throw awsError("ResourceNotFoundException", `Phone number not found: ${id}`);
}

interface ListInput {
  TargetArn?: string;
  InstanceId?: string;
  MaxResults?: number;
  NextToken?: string;
  PhoneNumberCountryCodes?: string[];
  PhoneNumberTypes?: string[];
  PhoneNumberPrefix?: string;
}

/** What TargetArn may name: a Connect instance or traffic distribution group. */
const TARGET_ARN = /^arn:[^:]+:connect:[^:]*:\d{12}:(instance|traffic-distribution-group)\/[^/]+$/;

/** The instances whose numbers a ListPhoneNumbersV2 request lists. */
function listedInstances(ctx: HandlerContext, input: ListInput): InstanceState[] {
  const { InstanceId, TargetArn } = input;
  if (InstanceId !== undefined && TargetArn !== undefined)
    throw awsError("InvalidParameterException", "Give InstanceId or TargetArn, not both");
  if (InstanceId !== undefined) return [findInstance(ctx, InstanceId)];
  const inRegion = ctx.state.connect.instances.filter((i) => i.region === ctx.region);
  if (TargetArn === undefined) return inRegion;
  const target = inRegion.find((i) => i.arn === TargetArn);
  if (target) return [target];
  if (!TARGET_ARN.test(TargetArn))
    throw awsError(
      "InvalidParameterException",
      `TargetArn is not the ARN of an instance or a traffic distribution group: ${TargetArn}`,
    );
  throw awsError("ResourceNotFoundException", `Target not found: ${TargetArn}`);
}

function listPhoneNumbersV2(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as ListInput;
  const prefix = input.PhoneNumberPrefix;
  if (prefix !== undefined && !prefix.startsWith("+"))
    throw awsError(
      "InvalidParameterException",
      "PhoneNumberPrefix must contain + as part of the country code",
    );
  const instances = listedInstances(ctx, input);
  const types = input.PhoneNumberTypes ?? [];
  const codes = input.PhoneNumberCountryCodes ?? [];
  const e164 = e164Numbers(ctx.state);
  const found = instances
    .flatMap((inst) => connectNumbers(inst, ctx.now).map((p) => summaryOf(ctx, inst, p, e164)))
    .filter(
      (s) =>
        (types.length === 0 || types.includes(s.PhoneNumberType)) &&
        (codes.length === 0 || codes.includes(s.PhoneNumberCountryCode)) &&
        (prefix === undefined || s.PhoneNumber.startsWith(prefix)),
    );
  const p = page(found, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: LIST_PHONE_NUMBERS_DEFAULT_PAGE,
    query: `ListPhoneNumbersV2:${JSON.stringify([instances.map((i) => i.id), types, codes, prefix ?? null])}`,
    errorCode: "InvalidParameterException",
  });
  return { ListPhoneNumbersSummaryList: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export const phoneNumberRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "DescribePhoneNumber",
    validationError: "InvalidParameterException",
    mutates: false,
    handler: describePhoneNumber,
  },
  {
    operation: "ListPhoneNumbersV2",
    validationError: "InvalidParameterException",
    mutates: false,
    handler: listPhoneNumbersV2,
  },
];
