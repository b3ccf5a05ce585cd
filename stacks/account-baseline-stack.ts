import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../environments/model/landing-zone-config";
import { AccountHardening } from "../modules/baseline/account-hardening";
import { ConfigRecorders } from "../modules/config/config-recorders";
import type { LoggingStack } from "./logging-stack";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";

export interface AccountBaselineStackProps {
  readonly config: LandingZoneConfig;
  readonly stackName: string;
  /**
   * The account to baseline: a member account's id (literal or a reference to the stack that
   * creates it), or "management" for the management account, which is reached directly.
   */
  readonly account:
    { readonly kind: "member"; readonly id: string } | { readonly kind: "management" };
  /** The log archive, where Config delivers. */
  readonly logging: LoggingStack;
}

/**
 * Everything one account gets in every governed region: hardening and AWS Config. Later
 * capabilities (patching, backup, WAF) add their modules here.
 */
export class AccountBaselineStack extends TerraformStack {
  constructor(scope: Construct, props: AccountBaselineStackProps) {
    super(scope, props.stackName);
    const organization = props.config.organization.config;
    useRemoteState(this, organization.stateBackend);
    if (props.account.kind === "management") managementAccountProvider(this, organization);
    else memberAccountProvider(this, organization, props.account.id);

    new AccountHardening(this, "hardening", { regions: organization.governedRegions });
    new ConfigRecorders(this, "config", {
      regions: organization.governedRegions,
      homeRegion: organization.homeRegion,
      recorderName: `${organization.resourcePrefix}-config`,
      bucketName: props.logging.configBucketName,
      kmsKeyArn: props.logging.configKey.arn,
    });
  }
}
