import { TestStack } from "../helpers/pulumi";
import { MIXED_PROGRAM } from "./mixed-stack";

/** Credentials recognisable anywhere they might leak to: distinct from every other test value. */
export const LEAK_CANARIES = {
  AWS_ACCESS_KEY_ID: "AKIACANARY0KEY0ID000",
  AWS_SECRET_ACCESS_KEY: "canary-secret-access-key-7f3a9c",
  AWS_SESSION_TOKEN: "canary-session-token-IQoJb3JpZ2luX2VjEJr",
};

/**
 * A stack of the mixed program whose CLI (and so its language host and provider) runs with a full
 * set of AWS credentials, and reaches the emulator through the SDK's standard endpoint variables
 * rather than stack config: the engine records all stack config in state (see the secrets test).
 */
export class CredentialedTestStack extends TestStack {
  constructor(private readonly endpoint: string) {
    super(MIXED_PROGRAM);
  }

  override env(): NodeJS.ProcessEnv {
    return {
      ...super.env(),
      ...LEAK_CANARIES,
      AWS_ENDPOINT_URL_CONNECT: this.endpoint,
      AWS_ENDPOINT_URL_CUSTOMER_PROFILES: this.endpoint,
    };
  }
}
