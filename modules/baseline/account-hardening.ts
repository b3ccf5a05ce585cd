import { EbsEncryptionByDefault } from "@cdktf/provider-aws/lib/ebs-encryption-by-default";
import { Ec2InstanceMetadataDefaults } from "@cdktf/provider-aws/lib/ec2-instance-metadata-defaults";
import { IamAccountPasswordPolicy } from "@cdktf/provider-aws/lib/iam-account-password-policy";
import { S3AccountPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-account-public-access-block";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

const ACCOUNT_HARDENING_CONTROL = defineControl({
  id: "account-hardening",
  description:
    "Every account enforces the CIS password policy and blocks public S3 access, and in every governed region encrypts new EBS volumes and requires IMDSv2",
  criteria: ["CC6.1", "CC6.6", "CC6.7", "C1.1"],
});

export interface AccountHardeningProps {
  /** Every governed region: the regional settings are applied in each. */
  readonly regions: readonly string[];
}

/** CIS AWS Foundations 1.8–1.9: long, complex, expiring, never-reused IAM user passwords. */
export const CIS_PASSWORD_POLICY = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  requireLowercaseCharacters: true,
  requireUppercaseCharacters: true,
  requireNumbers: true,
  requireSymbols: true,
  allowUsersToChangePassword: true,
} as const;

/**
 * Account-wide hardening every member account gets: the CIS password policy, the S3 account
 * public access block, and in each governed region EBS encryption by default and IMDSv2 for new
 * instances. Regional settings use the provider's per-resource region, one provider per account.
 */
export class AccountHardening extends Construct {
  constructor(scope: Construct, id: string, props: AccountHardeningProps) {
    super(scope, id);
    implementsControl(this, ACCOUNT_HARDENING_CONTROL);
    if (props.regions.length === 0) {
      throw new Error("AccountHardening needs at least one governed region, got []");
    }
    new IamAccountPasswordPolicy(this, "password-policy", { ...CIS_PASSWORD_POLICY });
    new S3AccountPublicAccessBlock(this, "s3-public-access-block", {
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    for (const region of props.regions) {
      new EbsEncryptionByDefault(this, `ebs-encryption-${region}`, { region, enabled: true });
      new Ec2InstanceMetadataDefaults(this, `imds-defaults-${region}`, {
        region,
        httpTokens: "required",
        httpEndpoint: "enabled",
        // Two hops let containers on an instance reach IMDSv2; one would cut them off.
        httpPutResponseHopLimit: 2,
      });
    }
  }
}
