import {
  CustomerProfilesClient,
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
} from "@aws-sdk/client-customer-profiles";
import type { RunningEmulator } from "../../../src/emulator";
import { profileObjectUniqueKey } from "../../../src/emulator/profiles/store";
import { TEST_CREDENTIALS } from "../emulator";
import { ACCOUNT, REGION } from "./base";

/** The Customer Profiles seed most tests start from: one domain, an Order type, two profiles. */
export const DOMAIN = "customers";
export const PROFILE_A = "0123456789abcdef0123456789abcdef";
export const PROFILE_B = "fedcba9876543210fedcba9876543210";
export const ORDER = "Order";

/** The key the emulator derives for the Order whose orderId is `orderId`. */
export function orderKey(orderId: string): string {
  return profileObjectUniqueKey(ORDER, orderId);
}

/** DOMAIN, with its Order type (keyed by orderId, profile found by customerId), holding these profiles. */
export function ordersDomain(profiles: object[]): object {
  return {
    name: DOMAIN,
    objectTypes: [{ name: ORDER, profileKeyField: "customerId", uniqueKeyField: "orderId" }],
    profiles,
  };
}

/** PROFILE_A holds orders o-1 and o-2, PROFILE_B order o-3. */
export function profilesSeed(): object {
  return {
    accountId: ACCOUNT,
    region: REGION,
    customerProfiles: {
      domains: [
        ordersDomain([
          {
            id: PROFILE_A,
            objects: [
              { objectTypeName: ORDER, object: { orderId: "o-1", total: 10 } },
              { objectTypeName: ORDER, object: { customerId: PROFILE_A, orderId: "o-2", total: 20 } },
            ],
          },
          { id: PROFILE_B, objects: [{ objectTypeName: ORDER, object: { orderId: "o-3", total: 30 } }] },
        ]),
      ],
    },
  };
}

/** A real SDK v3 Customer Profiles client pointed at the emulator, SDK retries off unless asked. */
export function profilesClient(
  em: RunningEmulator,
  region = REGION,
  maxAttempts = 1,
): CustomerProfilesClient {
  return new CustomerProfilesClient({ region, endpoint: em.url, credentials: TEST_CREDENTIALS, maxAttempts });
}

/** Puts an Order for `profileId` and returns its ProfileObjectUniqueKey. */
export async function putOrder(em: RunningEmulator, profileId: string, orderId: string): Promise<string> {
  const r = await profilesClient(em).send(
    new PutProfileObjectCommand({
      DomainName: DOMAIN,
      ObjectTypeName: ORDER,
      Object: JSON.stringify({ customerId: profileId, orderId }),
    }),
  );
  return r.ProfileObjectUniqueKey ?? "";
}

/** The unique keys of a profile's Orders, every page. */
export async function orderKeys(em: RunningEmulator, profileId: string): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await profilesClient(em).send(
      new ListProfileObjectsCommand({
        DomainName: DOMAIN,
        ProfileId: profileId,
        ObjectTypeName: ORDER,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    out.push(...(page.Items ?? []).map((i) => i.ProfileObjectUniqueKey ?? ""));
    token = page.NextToken;
  } while (token);
  return out;
}
