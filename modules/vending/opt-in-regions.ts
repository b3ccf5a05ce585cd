import { AccountRegion } from "@cdktf/provider-aws/lib/account-region";
import { Token } from "cdktf";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

/**
 * CC7.2: the baseline's monitoring (Config, GuardDuty, trails' regional coverage) can only be
 * deployed into a region the account has enabled; an opted-out governed region would be a blind
 * spot, or a failed deployment.
 */
const OPT_IN_REGIONS_CONTROL = defineControl({
  id: "opt-in-regions",
  description:
    "Every governed region that AWS ships disabled is enabled in every account before anything is deployed there, and Terraform refuses to disable it again, so the baseline and its monitoring reach every governed region",
  criteria: ["CC7.2"],
});

export interface OptInRegionsProps {
  /**
   * The member account to enable the regions in, from the management account (trusted access
   * for account.amazonaws.com).
   * @default the provider's own account. The management account enables its own regions this
   * way: the API refuses an account id that names the management account itself.
   */
  readonly accountId?: string;
  /** Opt-in regions only, such as me-central-1: regions enabled by default can't be toggled. */
  readonly regions: readonly string[];
  /**
   * What enables trusted access for account.amazonaws.com (the organization resource): a literal
   * account id alone gives Terraform no reason to wait for it.
   */
  readonly dependsOn?: ITerraformDependable[];
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Enables opt-in regions for one account through the Account Management API. Terraform won't
 * destroy them: disabling a region deletes the account's IAM access to everything in it.
 */
export class OptInRegions extends Construct {
  readonly enabled: AccountRegion[];

  constructor(scope: Construct, id: string, props: OptInRegionsProps) {
    super(scope, id);
    implementsControl(this, OPT_IN_REGIONS_CONTROL);
    validate(props);
    this.enabled = [...new Set(props.regions)].sort().map(
      (regionName) =>
        new AccountRegion(this, regionName, {
          accountId: props.accountId,
          regionName,
          enabled: true,
          dependsOn: props.dependsOn,
          lifecycle: { preventDestroy: true },
        }),
    );
  }
}

function validate(props: OptInRegionsProps): void {
  if (props.regions.length === 0)
    throw new Error("OptInRegions needs at least one opt-in region to enable, got []");
  const malformed = props.regions.filter((region) => !REGION.test(region));
  if (malformed.length > 0)
    throw new Error(
      `OptInRegions takes region codes such as me-central-1, got ${malformed.map((region) => `"${region}"`).join(", ")}`,
    );
  const { accountId } = props;
  if (accountId !== undefined && !Token.isUnresolved(accountId) && !/^\d{12}$/.test(accountId))
    throw new Error(`OptInRegions needs a 12-digit account id, got "${accountId}"`);
}
