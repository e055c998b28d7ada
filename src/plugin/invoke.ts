import type { ProviderSettings } from "../aws/settings";
import { findFlowAssociations } from "../flow-association/find-flow-associations";
import type { GetFlowAssociationsArgs } from "../flow-association/get-flow-associations";
import { unwrapSecrets, wrapSecrets } from "./properties";
import { GET_FLOW_ASSOCIATIONS } from "./tokens";

/**
 * Invoke of the plugin's one function, getFlowAssociations: the same checks and calls as the
 * TypeScript function (BatchGetFlowAssociation, 100 ids a call), with the provider's settings
 * (its Region, endpoint and credentials). A secret argument makes the result secret.
 */
export async function invoke(
  token: string,
  args: Record<string, unknown>,
  settings: ProviderSettings,
): Promise<Record<string, unknown>> {
  if (token !== GET_FLOW_ASSOCIATIONS)
    throw new Error(`${token} is not a function of this provider (${GET_FLOW_ASSOCIATIONS})`);
  const { value, secrets } = unwrapSecrets(args);
  const result = { ...(await findFlowAssociations(settings, value as unknown as GetFlowAssociationsArgs)) };
  return secrets.length > 0
    ? wrapSecrets(
        result,
        Object.keys(result).map((k) => [k]),
      )
    : result;
}
