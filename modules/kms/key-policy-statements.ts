import type { PolicyStatement } from "../iam/policy-document";

/**
 * Lets the owning account's IAM policies govern the key. Without it a key can become
 * unmanageable; with it, access is granted (and audited) through IAM.
 */
export function owningAccountStatement(partition: string, accountId: string): PolicyStatement {
  return {
    Sid: "EnableIamPoliciesOfOwningAccount",
    Effect: "Allow",
    Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
    Action: "kms:*",
    Resource: "*",
  };
}

/** Lets CloudWatch Logs of the region use the key, for this account's log groups only. */
export function cloudWatchLogsStatement(
  partition: string,
  region: string,
  accountId: string,
): PolicyStatement {
  return {
    Sid: "AllowCloudWatchLogsOfThisAccount",
    Effect: "Allow",
    Principal: { Service: `logs.${region}.amazonaws.com` },
    Action: [
      "kms:Encrypt*",
      "kms:Decrypt*",
      "kms:ReEncrypt*",
      "kms:GenerateDataKey*",
      "kms:Describe*",
    ],
    Resource: "*",
    Condition: {
      ArnLike: {
        "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:log-group:*`,
      },
    },
  };
}
