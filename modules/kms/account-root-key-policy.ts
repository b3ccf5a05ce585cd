import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";

/**
 * The key policy that lets the owning account's IAM policies govern the key. Without it a key
 * can become unmanageable; with it, access is granted (and audited) through IAM.
 */
export function accountRootKeyPolicy(partition: string, accountId: string): PolicyDocument {
  return policyDocument({
    Sid: "EnableIamPoliciesOfOwningAccount",
    Effect: "Allow",
    Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  });
}
