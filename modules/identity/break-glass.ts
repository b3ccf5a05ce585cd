/**
 * Break glass is a session of the break-glass permission set of IAM Identity Center. In every
 * account it is assigned to, Identity Center creates the role
 * /aws-reserved/sso.amazonaws.com/[<region>/]AWSReservedSSO_<set>_<suffix>. Nobody can claim that
 * name: IAM keeps the aws-reserved path for AWS, so an account admin can't create a look-alike role
 * to inherit the guardrails' exemption. Its ARN isn't known until Identity Center makes it, so
 * policies match it with ArnLike on aws:PrincipalArn.
 */
export function breakGlassPrincipalArn(
  partition: string,
  permissionSet: string,
  /** @default any account */
  accountId = "*",
): string {
  return `arn:${partition}:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${permissionSet}_*`;
}

/** The role-name prefix its sessions show in CloudTrail (userIdentity.arn and roleArn). */
export function breakGlassRoleNamePrefix(permissionSet: string): string {
  return `AWSReservedSSO_${permissionSet}_`;
}
