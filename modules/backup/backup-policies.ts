import { owningAccountStatement } from "../kms/key-policy-statements";
import { policyDocument } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";
import { breakGlassPrincipalArn } from "../identity/break-glass";

/**
 * Nobody but break glass deletes or shortens a recovery point. The vault policy itself may also be
 * changed by the roles the pipeline applies the account's baseline with, or the pipeline could
 * never update it after creating it.
 */
export function vaultAccessPolicy(
  partition: string,
  breakGlassPermissionSet: string,
  pipelineRoleArns: readonly string[],
): PolicyDocument {
  const breakGlass = breakGlassPrincipalArn(partition, breakGlassPermissionSet);
  return policyDocument(
    {
      Sid: "OnlyBreakGlassDeletesRecoveryPoints",
      Effect: "Deny",
      Principal: "*",
      Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"],
      Resource: "*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": breakGlass } },
    },
    {
      Sid: "OnlyPipelineAndBreakGlassChangeVaultPolicy",
      Effect: "Deny",
      Principal: "*",
      Action: ["backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy"],
      Resource: "*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": [breakGlass, ...pipelineRoleArns] } },
    },
  );
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
