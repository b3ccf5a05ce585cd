import { githubOidcTrust } from "../../../modules/pipeline/github-oidc-trust";

const PROVIDER = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

test("trusts GitHub's OIDC provider for tokens meant for STS, with exactly the given subjects", () => {
  const subjects = ["repo:acme/infra:pull_request", "repo:acme/infra:environment:prod"];
  expect(githubOidcTrust(PROVIDER, subjects)).toEqual({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "GitHubActionsOfThisRepositoryOnly",
        Effect: "Allow",
        Principal: { Federated: PROVIDER },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          // Equality, not a pattern: a token for any other audience is refused.
          StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
          StringLike: { "token.actions.githubusercontent.com:sub": subjects },
        },
      },
    ],
  });
});
