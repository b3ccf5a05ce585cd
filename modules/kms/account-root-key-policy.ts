import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";
import { owningAccountStatement } from "./key-policy-statements";

/** A key policy that leaves every decision to the owning account's IAM policies. */
export function accountRootKeyPolicy(partition: string, accountId: string): PolicyDocument {
  return policyDocument(owningAccountStatement(partition, accountId));
}
