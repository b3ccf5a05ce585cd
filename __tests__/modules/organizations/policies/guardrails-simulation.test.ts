/**
 * Proves the guardrails with an independent IAM policy evaluator (@cloud-copilot/iam-simulate,
 * AGPL, a dev dependency used only by tests), over the policies that reach a workload account
 * through its OU chain, rather than by matching strings.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runSimulation } from "@cloud-copilot/iam-simulate";
import { vaultAccessPolicy } from "../../../../modules/backup/backup-policies";
import { loadLandingZoneConfig } from "../../../../config/loader/load-config";
import { buildPolicyInventory } from "../../../../compliance/evidence/organization-inventory";
import { landingZonePolicies } from "../../../../modules/organizations/policies/landing-zone-policies";
import { EXAMPLE_CONFIG_DIR } from "../../../helpers/example-config";

const ACCOUNT = "555566667777";
const ORGANIZATION_ID = "o-k7q2mz4x9a";
/** The role of a break-glass session in the account, as Identity Center names it. */
const BREAK_GLASS_SESSION = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_BreakGlassAdmin_0a1b2c3d`;
const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
const policies = new Map(
  landingZonePolicies(config, ORGANIZATION_ID).map((policy) => [policy.name, policy]),
);
const inventory = buildPolicyInventory(config);
const allowAll = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }],
};

/** The org policies of `type` at each level from the root down to the account, as AWS applies them. */
function policyChain(account: string, type: "SERVICE_CONTROL_POLICY" | "RESOURCE_CONTROL_POLICY") {
  const reaching = inventory.accounts.find((entry) => entry.account === account)!;
  return reaching.path.map((level) => ({
    orgIdentifier: level,
    policies: [
      // The evaluator supplies RCPFullAWSAccess itself and refuses an Allow in an RCP.
      ...(type === "SERVICE_CONTROL_POLICY" ? [{ name: "FullAWSAccess", policy: allowAll }] : []),
      ...reaching.policies
        .filter(
          (policy) =>
            policy.attachedAt === level &&
            policy.type === type &&
            policies.has(policy.configName ?? ""),
        )
        .map((policy) => ({
          name: policy.name,
          policy: policies.get(policy.configName!)!.content,
        })),
    ],
  }));
}

interface Request {
  action: string;
  resource?: string;
  principal?: string;
  region?: string;
  context?: Record<string, string | string[]>;
  account?: string;
  /** A resource-based policy, such as a KMS key policy. */
  resourcePolicy?: object;
  /** The principal's own policies. @default administrator access */
  identityPolicies?: object[];
  /** Context keys the request doesn't carry, such as the organization of an AWS-owned account. */
  without?: string[];
}

/** The key policy KMS keys get from KmsKey: the owning account's IAM policies decide. */
const keyPolicy = {
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: "kms:*",
      Resource: "*",
    },
  ],
};

const withoutKeys = (keys: readonly string[], context: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(context).filter(([key]) => !keys.includes(key)));

async function decide(request: Request): Promise<string> {
  const principal = request.principal ?? `arn:aws:iam::${ACCOUNT}:role/Admin`;
  const account = request.account ?? "prod-data";
  const result = await runSimulation(
    {
      request: {
        principal,
        action: request.action,
        resource: { resource: request.resource ?? "*", accountId: ACCOUNT },
        contextVariables: withoutKeys(request.without ?? [], {
          "aws:PrincipalArn": principal,
          "aws:RequestedRegion": request.region ?? "us-east-1",
          "aws:SecureTransport": "true",
          // Every principal of an account in the organization carries its organization id.
          "aws:PrincipalOrgID": ORGANIZATION_ID,
          ...request.context,
        }),
      },
      identityPolicies: (request.identityPolicies ?? [allowAll]).map((policy, index) => ({
        name: `identity-${index}`,
        policy,
      })),
      resourcePolicy: request.resourcePolicy,
      // SCPs bound the organization's own principals only, not AWS services or other accounts.
      serviceControlPolicies: principal.startsWith(`arn:aws:iam::${ACCOUNT}:`)
        ? policyChain(account, "SERVICE_CONTROL_POLICY")
        : [],
      resourceControlPolicies: policyChain(account, "RESOURCE_CONTROL_POLICY"),
    },
    {},
  );
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  return result.overallResult;
}

const protectedActions: [string, Request][] = [
  ["leaving the organization", { action: "organizations:LeaveOrganization" }],
  [
    "deleting the access role",
    {
      action: "iam:DeleteRole",
      resource: `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`,
    },
  ],
  [
    "changing the pipeline role's trust",
    {
      action: "iam:UpdateAssumeRolePolicy",
      resource: `arn:aws:iam::${ACCOUNT}:role/nwh-lz-pipeline`,
    },
  ],
  [
    "stopping the trail",
    {
      action: "cloudtrail:StopLogging",
      resource: `arn:aws:cloudtrail:us-east-1:111122223333:trail/nwh-org-trail`,
    },
  ],
  [
    "changing event selectors",
    {
      action: "cloudtrail:PutEventSelectors",
      resource: `arn:aws:cloudtrail:us-east-1:111122223333:trail/nwh-org-trail`,
    },
  ],
  ["stopping the Config recorder", { action: "config:StopConfigurationRecorder" }],
  ["deleting a conformance pack", { action: "config:DeleteConformancePack" }],
  [
    "deleting the GuardDuty detector",
    {
      action: "guardduty:DeleteDetector",
      resource: `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/abc`,
    },
  ],
  ["disabling Security Hub", { action: "securityhub:DisableSecurityHub" }],
  [
    "deleting the access analyzer",
    {
      action: "access-analyzer:DeleteAnalyzer",
      resource: `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/org`,
    },
  ],
  ["disabling Macie", { action: "macie2:DisableMacie" }],
  ["disabling Inspector", { action: "inspector2:Disable" }],
  [
    "deleting a log archive bucket",
    { action: "s3:DeleteBucket", resource: "arn:aws:s3:::nwh-log-archive-cloudtrail" },
  ],
  [
    "changing a log archive bucket policy",
    { action: "s3:PutBucketPolicy", resource: "arn:aws:s3:::nwh-log-archive-config" },
  ],
  ...(
    [
      "s3:DeleteBucket",
      "s3:PutBucketPolicy",
      "s3:DeleteBucketPolicy",
      "s3:PutBucketObjectLockConfiguration",
      "s3:PutLifecycleConfiguration",
    ] as const
  ).map((action): [string, Request] => [
    `${action} on the evidence bucket`,
    { action, resource: "arn:aws:s3:::nwh-evidence-111122223333", account: "log-archive" },
  ]),
  [
    "scheduling deletion of a landing-zone key",
    {
      action: "kms:ScheduleKeyDeletion",
      resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`,
      context: { "kms:ResourceAliases": ["alias/nwh/backup"] },
      resourcePolicy: keyPolicy,
    },
  ],
  [
    "deleting a landing-zone backup vault",
    {
      action: "backup:DeleteBackupVault",
      resource: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:nwh-vault`,
    },
  ],
  [
    "deleting a recovery point",
    {
      action: "backup:DeleteRecoveryPoint",
      resource: `arn:aws:backup:us-east-1:${ACCOUNT}:recovery-point:abc`,
    },
  ],
  ["turning off EBS default encryption", { action: "ec2:DisableEbsEncryptionByDefault" }],
  ["changing the account's S3 public access block", { action: "s3:PutAccountPublicAccessBlock" }],
  ["deleting VPC flow logs", { action: "ec2:DeleteFlowLogs" }],
  [
    "detaching DNS query logging from a VPC",
    { action: "route53resolver:DisassociateResolverQueryLogConfig" },
  ],
  ["deleting a DNS query log config", { action: "route53resolver:DeleteResolverQueryLogConfig" }],
  [
    "changing the security alternate contact",
    { action: "account:PutAlternateContact", resource: `arn:aws:account::${ACCOUNT}:account` },
  ],
  [
    "deleting an alternate contact",
    { action: "account:DeleteAlternateContact", resource: `arn:aws:account::${ACCOUNT}:account` },
  ],
  [
    "disabling a governed opt-in region",
    {
      action: "account:DisableRegion",
      resource: `arn:aws:account::${ACCOUNT}:account`,
    },
  ],
  [
    "creating an IAM user",
    { action: "iam:CreateUser", resource: `arn:aws:iam::${ACCOUNT}:user/deploy` },
  ],
  // Two-step bypasses: each removes what a protective statement's condition keys on, or blinds
  // detection without disabling it, so each must be denied by itself.
  [
    "changing a landing-zone key's policy",
    {
      action: "kms:PutKeyPolicy",
      resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`,
      context: { "kms:ResourceAliases": ["alias/nwh/cloudtrail"] },
      resourcePolicy: keyPolicy,
    },
  ],
  ...(["kms:DeleteAlias", "kms:UpdateAlias", "kms:CreateAlias"] as const).map(
    (action): [string, Request] => [
      `${action} on a landing-zone alias (the key statement's condition)`,
      { action, resource: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/nwh/backup` },
    ],
  ),
  ...(["backup:UntagResource", "backup:TagResource"] as const).map((action): [string, Request] => [
    `${action} on a landing-zone backup plan (the plan statement's condition)`,
    {
      action,
      // Another resource type's ARN pattern also matches one plan's ARN; the wildcard says
      // which type is meant.
      resource: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-plan:*`,
      context: { "aws:ResourceTag/ManagedBy": "landing-zone" },
    },
  ]),
  ...(
    [
      ["guardduty:CreateFilter", `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/abc/filter/x`],
      ["guardduty:CreateIPSet", "*"],
      [
        "guardduty:DeletePublishingDestination",
        `arn:aws:guardduty:us-east-1:${ACCOUNT}:detector/abc/publishingDestination/x`,
      ],
      ["securityhub:BatchDisableStandards", "*"],
      ["securityhub:CreateAutomationRule", "*"],
      [
        "access-analyzer:CreateArchiveRule",
        `arn:aws:access-analyzer:us-east-1:${ACCOUNT}:analyzer/org/archive-rule/all`,
      ],
      ["macie2:CreateFindingsFilter", "*"],
      ["inspector2:CreateFilter", "*"],
    ] as const
  ).map(([action, resource]): [string, Request] => [
    `blinding detection with ${action}`,
    { action, resource },
  ]),
  ...(["s3:PutBucketLogging", "s3:PutBucketOwnershipControls", "s3:PutBucketAcl"] as const).map(
    (action): [string, Request] => [
      `diverting a log archive bucket with ${action}`,
      { action, resource: "arn:aws:s3:::nwh-log-archive-cloudtrail" },
    ],
  ),
  [
    "claiming the deploy role's name, exempt from the guardrails",
    { action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/nwh-lz-deploy` },
  ],
  [
    "launching outside the governed regions",
    {
      action: "ec2:RunInstances",
      resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-1`,
      region: "eu-west-1",
    },
  ],
];

describe("for an administrator in a production workload account", () => {
  test.each(protectedActions)("%s is denied", async (_, request) => {
    expect(await decide(request)).toBe("ExplicitlyDenied");
  });

  test.each<[string, Request]>([
    [
      "launching in a governed region",
      {
        action: "ec2:RunInstances",
        resource: `arn:aws:ec2:us-west-2:${ACCOUNT}:instance/i-1`,
        region: "us-west-2",
      },
    ],
    [
      "creating an application role",
      { action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/payments-api` },
    ],
    [
      "using IAM while working in an ungoverned region (global service)",
      { action: "iam:ListRoles", region: "eu-west-1" },
    ],
    ["using Route 53 from us-east-1", { action: "route53:ListHostedZones" }],
    ["opening a support case", { action: "support:CreateCase" }],
    [
      "scheduling deletion of an application's own key",
      {
        action: "kms:ScheduleKeyDeletion",
        resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/9999`,
        context: { "kms:ResourceAliases": ["alias/payments/data"] },
        resourcePolicy: keyPolicy,
      },
    ],
  ])("%s is allowed", async (_, request) => {
    expect(await decide(request)).toBe("Allowed");
  });
});

test("nobody can claim a break-glass role: IAM keeps its path for AWS", async () => {
  expect(await decide({ action: "iam:CreateRole", resource: BREAK_GLASS_SESSION })).not.toBe(
    "Allowed",
  );
  // The same admin may create roles elsewhere, so the refusal is the path's.
  expect(
    await decide({ action: "iam:CreateRole", resource: `arn:aws:iam::${ACCOUNT}:role/app/worker` }),
  ).toBe("Allowed");
});

test.each([
  ["stopping the trail", "cloudtrail:StopLogging"],
  ["deleting the GuardDuty detector", "guardduty:DeleteDetector"],
  ["stopping the Config recorder", "config:StopConfigurationRecorder"],
])("the exempt pipeline role may still manage protected services: %s", async (_, action) => {
  expect(await decide({ action, principal: `arn:aws:iam::${ACCOUNT}:role/nwh-lz-pipeline` })).toBe(
    "Allowed",
  );
});

describe("centralized root access", () => {
  const root = `arn:aws:iam::${ACCOUNT}:root`;
  const logArchiveBucket = "arn:aws:s3:::nwh-log-archive-cloudtrail";
  /** AWS's S3UnlockBucketPolicy task policy, which bounds the root session it is opened with. */
  const unlockBucketPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: ["s3:DeleteBucketPolicy", "s3:GetBucketPolicy"],
        Resource: "*",
      },
    ],
  };
  const rootSession = { "aws:AssumedRoot": "true" };

  test("the management account may open a root session in a member account", async () => {
    const management = "arn:aws:iam::111122223333:root";
    expect(
      await decide({
        principal: "arn:aws:iam::111122223333:role/PlatformAdmin",
        action: "sts:AssumeRoot",
        resource: root,
        // With RootSessions on, AWS trusts the management account for this; the evaluator needs
        // that trust written as a resource policy to admit a cross-account call.
        resourcePolicy: {
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: management },
              Action: "sts:AssumeRoot",
              Resource: "*",
            },
          ],
        },
        context: {
          "sts:TaskPolicyArn": "arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
        },
      }),
    ).toBe("Allowed");
  });

  test("the root user is denied, except in a root session", async () => {
    expect(await decide({ action: "s3:ListAllMyBuckets", principal: root })).toBe(
      "ExplicitlyDenied",
    );
    expect(
      await decide({ action: "s3:ListAllMyBuckets", principal: root, context: rootSession }),
    ).toBe("Allowed");
  });

  // AWS lets the owning account's root delete a bucket policy that denies everyone; what must
  // not stand in the way is a guardrail, the log archive's above all.
  test("a root session may unlock a log archive bucket's policy; nobody else may delete it", async () => {
    const unlock = {
      action: "s3:DeleteBucketPolicy",
      resource: logArchiveBucket,
      account: "log-archive",
    };
    expect(
      await decide({
        ...unlock,
        principal: root,
        context: rootSession,
        identityPolicies: [unlockBucketPolicy],
      }),
    ).toBe("Allowed");
    expect(await decide({ ...unlock, principal: root })).toBe("ExplicitlyDenied");
    expect(await decide(unlock)).toBe("ExplicitlyDenied");
  });

  test("a root session may not put another policy on a log archive bucket", async () => {
    expect(
      await decide({
        action: "s3:PutBucketPolicy",
        resource: logArchiveBucket,
        account: "log-archive",
        principal: root,
        context: rootSession,
      }),
    ).toBe("ExplicitlyDenied");
  });

  test("a root session may recover the root user's password; nobody creates IAM passwords otherwise", async () => {
    // Without a user name IAM acts on the caller itself, the root user here.
    const password = { action: "iam:CreateLoginProfile", resource: "*" };
    expect(await decide({ ...password, principal: root, context: rootSession })).toBe("Allowed");
    expect(await decide({ ...password, principal: root })).toBe("ExplicitlyDenied");
    expect(
      await decide({
        action: "iam:CreateLoginProfile",
        resource: `arn:aws:iam::${ACCOUNT}:user/x`,
      }),
    ).toBe("ExplicitlyDenied");
  });

  test("a root session may not create access keys", async () => {
    expect(
      await decide({
        action: "iam:CreateAccessKey",
        resource: "*",
        principal: root,
        context: rootSession,
      }),
    ).toBe("ExplicitlyDenied");
  });
});

test("resources refuse requests without TLS, whoever asks", async () => {
  const request = { action: "s3:GetObject", resource: "arn:aws:s3:::nwh-data/report.csv" };
  expect(await decide(request)).toBe("Allowed");
  expect(await decide({ ...request, context: { "aws:SecureTransport": "false" } })).toBe(
    "ExplicitlyDenied",
  );
});

test("the data perimeter refuses S3 to principals outside the organization", async () => {
  const request = { action: "s3:GetObject", resource: "arn:aws:s3:::nwh-data/report.csv" };
  expect(await decide({ ...request, context: { "aws:PrincipalOrgID": "o-someoneelse" } })).toBe(
    "ExplicitlyDenied",
  );
});

test("an account in the suspended OU can do nothing at all, not even as the pipeline", async () => {
  const denyAll = policies.get("deny-all")!.content;
  for (const principal of [
    `arn:aws:iam::${ACCOUNT}:role/Admin`,
    `arn:aws:iam::${ACCOUNT}:role/nwh-lz-pipeline`,
  ]) {
    const result = await runSimulation(
      {
        request: {
          principal,
          action: "s3:ListAllMyBuckets",
          resource: { resource: "*", accountId: ACCOUNT },
          contextVariables: { "aws:PrincipalArn": principal, "aws:RequestedRegion": "us-east-1" },
        },
        identityPolicies: [{ name: "administrator", policy: allowAll }],
        serviceControlPolicies: [
          { orgIdentifier: "Root", policies: [{ name: "FullAWSAccess", policy: allowAll }] },
          {
            orgIdentifier: "Suspended",
            policies: [
              { name: "FullAWSAccess", policy: allowAll },
              { name: "deny-all", policy: denyAll },
            ],
          },
        ],
        resourceControlPolicies: [],
      },
      {},
    );
    expect(result.resultType !== "error" && result.overallResult).toBe("ExplicitlyDenied");
  }
});

test("no account can create IAM users, core accounts included", async () => {
  for (const account of ["log-archive", "audit", "shared-services", "prod-data"]) {
    const request = {
      action: "iam:CreateUser",
      resource: `arn:aws:iam::${ACCOUNT}:user/deploy`,
      account,
    };
    expect({ account, decision: await decide(request) }).toEqual({
      account,
      decision: "ExplicitlyDenied",
    });
  }
});

describe("the Developer permission set", () => {
  const developer = [
    allowAll,
    JSON.parse(readFileSync(join(EXAMPLE_CONFIG_DIR, "developer-guardrails.json"), "utf8")),
  ];
  const asDeveloper = (action: string, resource: string, context = {}) =>
    decide({ action, resource, context, identityPolicies: developer, account: "dev-platform" });

  test("may create the service-linked roles that a first load balancer, cluster or database needs", async () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing`;
    expect(
      await asDeveloper("iam:CreateServiceLinkedRole", role, {
        "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com",
      }),
    ).toBe("Allowed");
  });

  test.each([
    ["iam:CreateRole", `arn:aws:iam::${ACCOUNT}:role/escalate`],
    ["iam:CreatePolicyVersion", `arn:aws:iam::${ACCOUNT}:policy/app`],
    ["iam:AttachRolePolicy", `arn:aws:iam::${ACCOUNT}:role/app`],
  ])("may not %s", async (action, resource) => {
    expect(await asDeveloper(action, resource)).toBe("ExplicitlyDenied");
  });
});

describe("backup vault policies", () => {
  const vault = `arn:aws:backup:us-east-1:${ACCOUNT}:backup-vault:nwh-vault`;
  const deployRole = `arn:aws:iam::${ACCOUNT}:role/nwh-lz-deploy`;
  const resourcePolicy = vaultAccessPolicy("aws", "BreakGlassAdmin", [
    `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`,
    deployRole,
  ]);
  const asking = (principal: string, action: string, resource = vault) =>
    decide({ principal, action, resource, resourcePolicy });

  test("the pipeline's role and break glass may update a vault policy; an administrator may not", async () => {
    expect(await asking(deployRole, "backup:PutBackupVaultAccessPolicy")).toBe("Allowed");
    expect(await asking(BREAK_GLASS_SESSION, "backup:PutBackupVaultAccessPolicy")).toBe("Allowed");
    expect(
      await asking(`arn:aws:iam::${ACCOUNT}:role/Admin`, "backup:PutBackupVaultAccessPolicy"),
    ).toBe("ExplicitlyDenied");
  });

  test("only break glass deletes a recovery point, not even the pipeline", async () => {
    const point = `arn:aws:backup:us-east-1:${ACCOUNT}:recovery-point:abc`;
    expect(await asking(BREAK_GLASS_SESSION, "backup:DeleteRecoveryPoint", point)).toBe("Allowed");
    expect(await asking(deployRole, "backup:DeleteRecoveryPoint", point)).toBe("ExplicitlyDenied");
  });
});

describe("break glass", () => {
  test.each<[string, Request]>([
    ["stop a Config recorder", { action: "config:StopConfigurationRecorder" }],
    [
      "act outside the governed regions",
      {
        action: "ec2:RunInstances",
        resource: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/i-1`,
        region: "eu-west-1",
      },
    ],
  ])("may %s, which an administrator may not", async (_, request) => {
    expect(await decide({ ...request, principal: BREAK_GLASS_SESSION })).toBe("Allowed");
    expect(await decide(request)).toBe("ExplicitlyDenied");
  });
});

describe("AWS services still deliver logs into the organization's buckets under the data perimeter", () => {
  const bucket = "nwh-workload-logs";
  const grant = (principal: object) => ({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: principal,
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/*`,
      },
    ],
  });
  const deliver = (principal: string, granted: object, context: Record<string, string> = {}) =>
    decide({
      principal,
      action: "s3:PutObject",
      resource: `arn:aws:s3:::${bucket}/AWSLogs/${ACCOUNT}/log.gz`,
      resourcePolicy: grant(granted),
      context,
      // AWS-owned principals belong to no customer organization.
      without: ["aws:PrincipalOrgID"],
    });

  test.each([
    "logging.s3.amazonaws.com",
    "config.amazonaws.com",
    "cloudtrail.amazonaws.com",
    "delivery.logs.amazonaws.com",
    "logdelivery.elasticloadbalancing.amazonaws.com",
    "backup.amazonaws.com",
  ])("%s, a service principal", async (service) => {
    expect(
      await deliver(service, { Service: service }, { "aws:PrincipalIsAWSService": "true" }),
    ).toBe("Allowed");
  });

  test.each([
    ["us-east-1", "127311923021"],
    ["us-west-2", "797873946194"],
  ])("Elastic Load Balancing in %s, which writes as its account %s", async (_, elbAccount) => {
    const elb = `arn:aws:iam::${elbAccount}:root`;
    expect(await deliver(elb, { AWS: elb }, { "aws:PrincipalAccount": elbAccount })).toBe(
      "Allowed",
    );
  });

  test("CloudFront standard logs, which CloudWatch Logs delivers as its service principal", async () => {
    const service = "delivery.logs.amazonaws.com";
    expect(
      await deliver(
        service,
        { Service: service },
        {
          "aws:PrincipalIsAWSService": "true",
          "aws:SourceAccount": ACCOUNT,
          "aws:SourceArn": `arn:aws:logs:us-east-1:${ACCOUNT}:delivery-source:cloudfront-E1`,
        },
      ),
    ).toBe("Allowed");
  });

  // Also CloudFront's legacy logging, which writes as AWS's awslogsdelivery account through a
  // bucket ACL (and ACLs are off: LZ-S3-005): CloudFront's standard logging v2 is the way.
  test("while any other account outside the organization is refused, whatever the bucket policy says", async () => {
    const outsider = "arn:aws:iam::999988887777:root";
    expect(
      await deliver(outsider, { AWS: outsider }, { "aws:PrincipalAccount": "999988887777" }),
    ).toBe("ExplicitlyDenied");
  });
});
