import type { ServiceModel } from "../core/model";
import connect from "./connect.json";
import customerProfiles from "./customer-profiles.json";
import sts from "./sts.json";

/*
 * AWS's service models of the emulated services: Connect, Customer Profiles and STS (botocore's,
 * trimmed by scripts/update-aws-models: never edited by hand). Imported as JSON modules, so `tsc`
 * copies them into dist/emulator/models/ and the package ships them.
 */

/** The names of a model's error shapes (those marked `exception`), as a type. */
type ErrorShapeNames<S> = { [K in keyof S]: S[K] extends { exception: boolean } ? K : never }[keyof S] &
  string;

/** Every error shape of Connect's model that an in-scope operation reaches. */
export type ConnectModelErrorCode = ErrorShapeNames<typeof connect.shapes>;
/** Every error shape of Customer Profiles' model that an in-scope operation reaches. */
export type ProfilesModelErrorCode = ErrorShapeNames<typeof customerProfiles.shapes>;

export const CONNECT_MODEL: ServiceModel = connect;
export const CUSTOMER_PROFILES_MODEL: ServiceModel = customerProfiles;
export const STS_MODEL: ServiceModel = sts;
