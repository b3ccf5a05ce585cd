import type { LandingZoneConfig } from "../config/model/landing-zone-config";

const CLOUDFRONT_REGION = "us-east-1";

/**
 * CloudFront's web ACLs can only live in us-east-1. When the organization doesn't govern that
 * region, the landing zone still deploys them there (WAF is a global service to the region-deny
 * SCP), but no Config recorder, GuardDuty detector or Security Hub runs in us-east-1 to watch them:
 * synth says so for every environment that asks for one, so nobody reads the evidence as
 * covering what it doesn't.
 */
export function cloudFrontWafNotices(
  config: Pick<LandingZoneConfig, "organization" | "environments">,
): string[] {
  if (config.organization.config.governedRegions.includes(CLOUDFRONT_REGION)) return [];
  return config.environments
    .filter(({ config: environment }) => environment.baseline.waf?.cloudFront)
    .map(
      ({ config: environment }) =>
        `${environment.name}: its CloudFront web ACL is deployed in ${CLOUDFRONT_REGION}, which is not a governed region, so no AWS Config recorder records it there: the control matrix lists the web ACL, but no Config history of its changes backs that row. Govern ${CLOUDFRONT_REGION}, or review the web ACL by hand (docs/operations-baseline.md#cloudfront-outside-the-governed-regions).`,
    );
}
