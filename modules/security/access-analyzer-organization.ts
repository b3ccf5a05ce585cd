import { AccessanalyzerAnalyzer } from "@cdktf/provider-aws/lib/accessanalyzer-analyzer";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { ACCESS_ANALYSIS_CONTROL } from "./security-service-control";

/** The organization unused-access analyzer: whether there is one, and after how many days. */
export interface UnusedAccessAnalysis {
  readonly enabled: boolean;
  /** Days without use after which a role, user, key or permission is reported. */
  readonly unusedAccessAgeDays: number;
}

export interface AccessAnalyzerOrganizationProps {
  readonly namePrefix: string;
  readonly regions: readonly string[];
  readonly homeRegion: string;
  readonly unusedAccess: UnusedAccessAnalysis;
  /** The delegated-administrator registration the analyzers need first. */
  readonly delegation: TerraformResource;
}

/**
 * An organization analyzer in every governed region (external access is regional), and one
 * organization unused-access analyzer in the home region (IAM is global).
 */
export class AccessAnalyzerOrganization extends Construct {
  constructor(scope: Construct, id: string, props: AccessAnalyzerOrganizationProps) {
    super(scope, id);
    implementsControl(this, ACCESS_ANALYSIS_CONTROL);
    for (const region of props.regions) {
      new AccessanalyzerAnalyzer(this, `external-access-${region}`, {
        region,
        analyzerName: `${props.namePrefix}-organization`,
        type: "ORGANIZATION",
        dependsOn: [props.delegation],
      });
    }
    if (props.unusedAccess.enabled) {
      new AccessanalyzerAnalyzer(this, "unused-access", {
        region: props.homeRegion,
        analyzerName: `${props.namePrefix}-organization-unused-access`,
        type: "ORGANIZATION_UNUSED_ACCESS",
        configuration: {
          unusedAccess: { unusedAccessAge: props.unusedAccess.unusedAccessAgeDays },
        },
        dependsOn: [props.delegation],
      });
    }
  }
}
