import { cloudWatchLogsStatement, owningAccountStatement } from "../kms/key-policy-statements";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Wafv2IpSet } from "@cdktf/provider-aws/lib/wafv2-ip-set";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import type { Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import ipaddr from "ipaddr.js";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { WafConfig } from "../../config/schema/baseline-schema";
import { policyDocument } from "../iam/policy-document";
import { KmsKey } from "../kms/kms-key";
import {
  AWS_MANAGED_RULE_GROUPS,
  ipSetReference,
  managedRuleGroup,
  rateLimit,
} from "./web-acl-statements";
import type { WafStatement } from "./web-acl-statements";

const WAF_CONTROL = defineControl({
  id: "web-application-firewall",
  description:
    "Web traffic passes a WAF with AWS managed protections (common, known bad inputs, SQL injection, IP reputation), a rate limit and IP lists, and every request is logged",
  criteria: ["CC6.6", "CC6.8", "A1.2"],
});

export type WafScope = "REGIONAL" | "CLOUDFRONT";

/** Where application teams find the ACL to associate with their load balancers and APIs. */
function webAclParameterName(scope: WafScope): string {
  return `/landing-zone/waf/${scope.toLowerCase()}/web-acl-arn`;
}

export interface WebAclProps {
  readonly namePrefix: string;
  readonly scope: WafScope;
  readonly region: string;
  readonly waf: WafConfig;
  /** Days the WAF log group keeps logs (config's value, or the default that meets the minimum). */
  readonly logRetentionDays: number;
  readonly partition: string;
  readonly accountId: string;
}

const visibility = (metricName: string) => ({
  cloudwatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/**
 * One web ACL with its IP sets, its KMS-encrypted log group (authorization and cookie headers
 * redacted) and an SSM parameter publishing its ARN.
 */
export class WebAcl extends Construct {
  readonly acl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    implementsControl(this, WAF_CONTROL);
    const { region, waf } = props;
    const name = `${props.namePrefix}-${props.scope.toLowerCase()}`;
    const rules: {
      name: string;
      statement: WafStatement;
      action: "managed" | "block" | "allow";
    }[] = [];
    const ipSet = (kind: "allow" | "block", cidrs: readonly string[]) => {
      for (const version of ["IPV4", "IPV6"] as const) {
        const addresses = cidrs.filter(
          (cidr) => (ipaddr.parseCIDR(cidr)[0].kind() === "ipv4") === (version === "IPV4"),
        );
        if (addresses.length === 0) continue;
        const set = new Wafv2IpSet(this, `${kind}-${version.toLowerCase()}`, {
          region,
          name: `${name}-${kind}-${version.toLowerCase()}`,
          scope: props.scope,
          ipAddressVersion: version,
          addresses,
        });
        rules.push({
          name: `${kind}-${version.toLowerCase()}`,
          statement: ipSetReference(set.arn),
          action: kind,
        });
      }
    };
    ipSet("allow", waf.allowCidrs);
    ipSet("block", waf.blockCidrs);
    rules.push({ name: "rate-limit", statement: rateLimit(waf.rateLimit), action: "block" });
    const groups = [
      AWS_MANAGED_RULE_GROUPS.ipReputation,
      ...(waf.anonymousIpList ? [AWS_MANAGED_RULE_GROUPS.anonymousIp] : []),
      AWS_MANAGED_RULE_GROUPS.common,
      AWS_MANAGED_RULE_GROUPS.knownBadInputs,
      AWS_MANAGED_RULE_GROUPS.sqlInjection,
    ];
    for (const group of groups)
      rules.push({ name: group, statement: managedRuleGroup(group), action: "managed" });

    this.acl = new Wafv2WebAcl(this, "acl", {
      region,
      name,
      scope: props.scope,
      defaultAction: { allow: {} },
      rule: rules.map((rule, priority): Wafv2WebAclRule => ({
        name: rule.name,
        priority,
        statement: rule.statement,
        ...(rule.action === "managed"
          ? { overrideAction: { none: {} } }
          : { action: rule.action === "allow" ? { allow: {} } : { block: {} } }),
        visibilityConfig: visibility(`${name}-${rule.name}`),
      })),
      visibilityConfig: visibility(name),
    });

    const key = new KmsKey(this, "log-key", {
      region,
      alias: `${props.namePrefix}/waf-logs-${props.scope.toLowerCase()}`,
      description: "Encrypts WAF logs",
      policy: policyDocument(
        owningAccountStatement(props.partition, props.accountId),
        cloudWatchLogsStatement(props.partition, region, props.accountId),
      ),
    });
    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      region,
      name: `aws-waf-logs-${name}`,
      kmsKeyId: key.arn,
      retentionInDays: props.logRetentionDays,
    });
    new Wafv2WebAclLoggingConfiguration(this, "logging", {
      region,
      resourceArn: this.acl.arn,
      logDestinationConfigs: [logGroup.arn],
      redactedFields: [
        { singleHeader: { name: "authorization" } },
        { singleHeader: { name: "cookie" } },
      ],
    });
    new SsmParameter(this, "arn-parameter", {
      region,
      name: webAclParameterName(props.scope),
      type: "String",
      value: this.acl.arn,
      description:
        "ARN of the landing zone's web ACL, to associate with load balancers, API gateways or CloudFront",
    });
  }
}
