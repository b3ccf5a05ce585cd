import { elbLogDeliveryAccounts } from "./elb-log-delivery-accounts";
import { describedPolicy } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";

/** Services whose resources refuse unencrypted transport; all support RCPs. */
const TLS_ONLY_SERVICES = [
  "s3",
  "sts",
  "kms",
  "sqs",
  "secretsmanager",
  "logs",
  "dynamodb",
  "ecr",
  "cognito-idp",
  "aoss",
] as const;

/** Every request to these services' resources must use TLS, whoever makes it. */
export function tlsOnlyRcp(): OrganizationPolicy {
  return describedPolicy(
    {
      name: "rcp-tls-only",
      type: "RESOURCE_CONTROL_POLICY",
      description: "Resources of the organization refuse requests that don't use TLS",
      criteria: ["CC6.7"],
    },
    [
      {
        summary: `Requests without TLS to ${TLS_ONLY_SERVICES.join(", ")} are denied.`,
        statement: {
          Sid: "DenyInsecureTransport",
          Effect: "Deny",
          Principal: "*",
          Action: TLS_ONLY_SERVICES.map((service) => `${service}:*`),
          Resource: "*",
          Condition: { BoolIfExists: { "aws:SecureTransport": "false" } },
        },
      },
    ],
  );
}

/**
 * S3 and KMS answer only principals of the organization and AWS services acting for it, and, for
 * S3, the accounts Elastic Load Balancing delivers access logs from in the governed regions (the
 * bucket policy still decides whether they may write).
 */
export function dataPerimeterRcp(context: PolicyContext): OrganizationPolicy {
  const outsider = {
    StringNotEqualsIfExists: { "aws:PrincipalOrgID": context.organizationId },
    BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
  };
  const elbAccounts = elbLogDeliveryAccounts(context.governedRegions);
  return describedPolicy(
    {
      name: "rcp-data-perimeter",
      type: "RESOURCE_CONTROL_POLICY",
      description:
        "S3 and KMS resources can be used only by principals of the organization or AWS services working for it",
      criteria: ["CC6.1", "CC6.7", "C1.1"],
    },
    [
      {
        summary:
          "Principals outside the organization are denied KMS access; AWS service principals are allowed.",
        statement: {
          Sid: "EnforceOrganizationIdentityPerimeterOnKms",
          Effect: "Deny",
          Principal: "*",
          Action: "kms:*",
          Resource: "*",
          Condition: outsider,
        },
      },
      {
        summary: `Principals outside the organization are denied S3 access; AWS service principals${elbAccounts.length > 0 ? ` and Elastic Load Balancing's log-delivery accounts of the governed regions (${elbAccounts.join(", ")})` : ""} are allowed.`,
        statement: {
          Sid: "EnforceOrganizationIdentityPerimeterOnS3",
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition:
            elbAccounts.length > 0
              ? {
                  ...outsider,
                  StringNotEqualsIfExists: {
                    ...outsider.StringNotEqualsIfExists,
                    "aws:PrincipalAccount": elbAccounts,
                  },
                }
              : outsider,
        },
      },
    ],
  );
}
