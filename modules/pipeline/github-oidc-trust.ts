import type { TrustPolicyDocument } from "../iam/policy-document";
import { trustPolicy } from "../iam/policy-document";

export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/**
 * Trust for a role GitHub Actions assumes: the token must be for AWS STS (`aud`) and its
 * subject one of the given `sub` patterns, which name the repository and the event or branch.
 */
export function githubOidcTrust(
  providerArn: string,
  subjects: readonly string[],
): TrustPolicyDocument {
  return trustPolicy({
    Sid: "GitHubActionsOfThisRepositoryOnly",
    Effect: "Allow",
    Principal: { Federated: providerArn },
    Action: "sts:AssumeRoleWithWebIdentity",
    Condition: {
      StringEquals: { [`${GITHUB_OIDC_HOST}:aud`]: "sts.amazonaws.com" },
      StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: subjects },
    },
  });
}
