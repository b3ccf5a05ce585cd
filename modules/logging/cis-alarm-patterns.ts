import { breakGlassRoleNamePrefix } from "../identity/break-glass";

/**
 * CloudWatch Logs metric filter patterns for the CIS AWS Foundations monitoring controls, over
 * the organization trail's events. Each alarms on one or more events in five minutes.
 */
export interface AlarmDefinition {
  /** Stable id: part of the metric name and the Terraform address. */
  readonly id: string;
  readonly description: string;
  readonly pattern: string;
}

const anyEvent = (...names: string[]) =>
  names.map((name) => `($.eventName = "${name}")`).join(" || ");

export const CIS_ALARMS: readonly AlarmDefinition[] = [
  {
    id: "root-user-activity",
    description: "The root user did something (CIS 4.3 / 1.7)",
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    id: "unauthorized-api-calls",
    description: "API calls were refused for lack of permission (CIS 4.1)",
    pattern:
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  },
  {
    id: "console-sign-in-without-mfa",
    description: "An IAM user signed in to the console without MFA (CIS 4.2)",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    id: "console-sign-in-failures",
    description: "Console sign-in failed (CIS 4.6)",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.errorMessage = "Failed authentication") }',
  },
  {
    id: "iam-policy-changes",
    description: "An IAM policy was created, changed, attached or detached (CIS 4.4)",
    pattern: `{ ($.eventSource = "iam.amazonaws.com") && (${anyEvent(
      "DeleteGroupPolicy",
      "DeleteRolePolicy",
      "DeleteUserPolicy",
      "PutGroupPolicy",
      "PutRolePolicy",
      "PutUserPolicy",
      "CreatePolicy",
      "DeletePolicy",
      "CreatePolicyVersion",
      "DeletePolicyVersion",
      "AttachRolePolicy",
      "DetachRolePolicy",
      "AttachUserPolicy",
      "DetachUserPolicy",
      "AttachGroupPolicy",
      "DetachGroupPolicy",
    )}) }`,
  },
  {
    id: "cloudtrail-changes",
    description: "A trail was created, changed, started or stopped (CIS 4.5)",
    pattern: `{ ${anyEvent("CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging", "PutEventSelectors")} }`,
  },
  {
    id: "kms-key-disable-or-deletion",
    description: "A customer-managed KMS key was disabled or scheduled for deletion (CIS 4.7)",
    pattern: `{ ($.eventSource = "kms.amazonaws.com") && (${anyEvent("DisableKey", "ScheduleKeyDeletion")}) }`,
  },
  {
    id: "s3-bucket-policy-changes",
    description:
      "An S3 bucket policy, ACL, CORS, lifecycle or replication setting changed (CIS 4.8)",
    pattern: `{ ($.eventSource = "s3.amazonaws.com") && (${anyEvent(
      "PutBucketAcl",
      "PutBucketPolicy",
      "PutBucketCors",
      "PutBucketLifecycle",
      "PutBucketReplication",
      "DeleteBucketPolicy",
      "DeleteBucketCors",
      "DeleteBucketLifecycle",
      "DeleteBucketReplication",
    )}) }`,
  },
  {
    id: "config-changes",
    description: "An AWS Config recorder or delivery channel changed (CIS 4.9)",
    pattern: `{ ($.eventSource = "config.amazonaws.com") && (${anyEvent(
      "StopConfigurationRecorder",
      "DeleteDeliveryChannel",
      "PutDeliveryChannel",
      "PutConfigurationRecorder",
    )}) }`,
  },
  {
    id: "security-group-changes",
    description: "A security group changed (CIS 4.10)",
    pattern: `{ ${anyEvent(
      "AuthorizeSecurityGroupIngress",
      "AuthorizeSecurityGroupEgress",
      "RevokeSecurityGroupIngress",
      "RevokeSecurityGroupEgress",
      "CreateSecurityGroup",
      "DeleteSecurityGroup",
    )} }`,
  },
  {
    id: "network-acl-changes",
    description: "A network ACL changed (CIS 4.11)",
    pattern: `{ ${anyEvent(
      "CreateNetworkAcl",
      "CreateNetworkAclEntry",
      "DeleteNetworkAcl",
      "DeleteNetworkAclEntry",
      "ReplaceNetworkAclEntry",
      "ReplaceNetworkAclAssociation",
    )} }`,
  },
  {
    id: "network-gateway-changes",
    description: "A customer or internet gateway changed (CIS 4.12)",
    pattern: `{ ${anyEvent(
      "CreateCustomerGateway",
      "DeleteCustomerGateway",
      "AttachInternetGateway",
      "CreateInternetGateway",
      "DeleteInternetGateway",
      "DetachInternetGateway",
    )} }`,
  },
  {
    id: "route-table-changes",
    description: "A route table changed (CIS 4.13)",
    pattern: `{ ($.eventSource = "ec2.amazonaws.com") && (${anyEvent(
      "CreateRoute",
      "CreateRouteTable",
      "ReplaceRoute",
      "ReplaceRouteTableAssociation",
      "DeleteRouteTable",
      "DeleteRoute",
      "DisassociateRouteTable",
    )}) }`,
  },
  {
    id: "vpc-changes",
    description: "A VPC or VPC peering changed (CIS 4.14)",
    pattern: `{ ${anyEvent(
      "CreateVpc",
      "DeleteVpc",
      "ModifyVpcAttribute",
      "AcceptVpcPeeringConnection",
      "CreateVpcPeeringConnection",
      "DeleteVpcPeeringConnection",
      "RejectVpcPeeringConnection",
    )} }`,
  },
  {
    id: "organizations-changes",
    description: "The organization changed: accounts, OUs, policies or handshakes (CIS 4.15)",
    pattern: `{ ($.eventSource = "organizations.amazonaws.com") && (${anyEvent(
      "AcceptHandshake",
      "AttachPolicy",
      "CreateAccount",
      "CreateOrganizationalUnit",
      "CreatePolicy",
      "DeclineHandshake",
      "DeleteOrganization",
      "DeleteOrganizationalUnit",
      "DeletePolicy",
      "DetachPolicy",
      "DisablePolicyType",
      "EnablePolicyType",
      "InviteAccountToOrganization",
      "LeaveOrganization",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "UpdatePolicy",
      "UpdateOrganizationalUnit",
    )}) }`,
  },
];

/**
 * Break-glass use: signing in to the break-glass permission set, or any call made in one of its
 * sessions (the Identity Center role AWSReservedSSO_<set>_<suffix>), in any account.
 */
export function breakGlassAlarm(permissionSet: string): AlarmDefinition {
  const role = breakGlassRoleNamePrefix(permissionSet);
  return {
    id: "break-glass-use",
    description: `Break-glass access was used (permission set ${permissionSet})`,
    pattern: `{ ($.userIdentity.arn = "*:assumed-role/${role}*") || (($.eventName = "AssumeRoleWithSAML") && ($.requestParameters.roleArn = "*${role}*")) }`,
  };
}
