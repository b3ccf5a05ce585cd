import { backupKeyPolicy, vaultAccessPolicy } from "../../../modules/backup/backup-policies";
import { decideUnder } from "../../helpers/simulate-policy";

const ACCOUNT = "444455556666";
const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe("vault access policy", () => {
  // Who may do what is proven with the evaluator in guardrails-simulation.test.ts; this pins
  // which principals each denial spares.
  const policy = vaultAccessPolicy("aws-us-gov", "BreakGlassAdmin", [
    `arn:aws-us-gov:iam::${ACCOUNT}:role/nwh-lz-deploy`,
  ]);
  const breakGlass =
    "arn:aws-us-gov:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*";

  test("only break glass is spared the denial of deleting or shortening recovery points", () => {
    expect(policy.Statement[0]).toEqual({
      Sid: "OnlyBreakGlassDeletesRecoveryPoints",
      Effect: "Deny",
      Principal: "*",
      Action: ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle"],
      Resource: "*",
      Condition: { ArnNotLike: { "aws:PrincipalArn": breakGlass } },
    });
  });

  test("break glass and the pipeline's roles are spared the denial of changing the vault policy", () => {
    expect(policy.Statement[1]).toEqual({
      Sid: "OnlyPipelineAndBreakGlassChangeVaultPolicy",
      Effect: "Deny",
      Principal: "*",
      Action: ["backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy"],
      Resource: "*",
      Condition: {
        ArnNotLike: {
          "aws:PrincipalArn": [breakGlass, `arn:aws-us-gov:iam::${ACCOUNT}:role/nwh-lz-deploy`],
        },
      },
    });
    expect(policy.Statement).toHaveLength(2);
  });
});

describe("backup key policy, decided by the IAM policy evaluator", () => {
  const policy = backupKeyPolicy("aws", ACCOUNT);
  const asBackup = (action: string, sourceAccount: string) =>
    decideUnder(policy, {
      principal: "backup.amazonaws.com",
      action,
      resource: KEY,
      resourceAccount: ACCOUNT,
      context: { "aws:SourceAccount": sourceAccount },
    });

  test("AWS Backup may encrypt and decrypt this account's recovery points", async () => {
    for (const action of ["kms:GenerateDataKey", "kms:Decrypt", "kms:CreateGrant"])
      expect(await asBackup(action, ACCOUNT)).toBe("Allowed");
  });

  test("AWS Backup acting for another account may not use the key (confused deputy)", async () => {
    expect(await asBackup("kms:Decrypt", "999988887777")).toBe("ImplicitlyDenied");
  });

  test("AWS Backup may not manage the key", async () => {
    expect(await asBackup("kms:ScheduleKeyDeletion", ACCOUNT)).toBe("ImplicitlyDenied");
  });

  test("the account's own IAM policies govern everything else", async () => {
    expect(
      await decideUnder(policy, {
        principal: `arn:aws:iam::${ACCOUNT}:role/Admin`,
        action: "kms:ScheduleKeyDeletion",
        resource: KEY,
        resourceAccount: ACCOUNT,
      }),
    ).toBe("Allowed");
    expect(
      await decideUnder(policy, {
        principal: "arn:aws:iam::999988887777:role/Admin",
        action: "kms:Decrypt",
        resource: KEY,
        resourceAccount: ACCOUNT,
      }),
    ).toBe("ImplicitlyDenied");
  });
});
