import { owningAccountStatement } from "../kms/key-policy-statements";
import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";
import { breakGlassPrincipalArn } from "../identity/break-glass";

/** Nobody but break glass deletes or shortens a recovery point, or loosens the vault. */
export function vaultAccessPolicy(
  partition: string,
  breakGlassPermissionSet: string,
): PolicyDocument {
  return policyDocument({
    Sid: "OnlyBreakGlassDeletesRecoveryPoints",
    Effect: "Deny",
    Principal: "*",
    Action: [
      "backup:DeleteRecoveryPoint",
      "backup:UpdateRecoveryPointLifecycle",
      "backup:PutBackupVaultAccessPolicy",
    ],
    Resource: "*",
    Condition: {
      ArnNotLike: {
        "aws:PrincipalArn": breakGlassPrincipalArn(partition, breakGlassPermissionSet),
      },
    },
  });
}

/** The backup key: the account's IAM decides, and AWS Backup may use it for this account only. */
export function backupKeyPolicy(partition: string, accountId: string): PolicyDocument {
  return policyDocument(owningAccountStatement(partition, accountId), {
    Sid: "AllowBackupForThisAccount",
    Effect: "Allow",
    Principal: { Service: "backup.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  });
}
