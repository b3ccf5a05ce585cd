import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { findControls } from "../../../compliance/controls/control";
import { EVIDENCE_ENVIRONMENT } from "../../../contracts/github-environments";
import { EvidenceCollectorRole } from "../../../modules/pipeline/evidence-collector-role";
import { ruleViolations } from "../../helpers/rule-violations";
import { decideByIdentity } from "../../helpers/simulate-policy";
import { parsedPolicy, resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const MANAGEMENT = "111122223333";
const MEMBER = "555566667777";
const ROLE = `arn:aws:iam::${MANAGEMENT}:role/lz-evidence`;
const BUCKET = "arn:aws:s3:::acme-evidence-111122223333";

let json: StackJson;
let made: EvidenceCollectorRole;
beforeAll(() => {
  json = synthConstruct((scope) => {
    const oidcProvider = new IamOpenidConnectProvider(scope, "github", {
      url: "https://token.actions.githubusercontent.com",
      clientIdList: ["sts.amazonaws.com"],
    });
    made = new EvidenceCollectorRole(scope, "evidence-collector", {
      oidcProvider,
      repository: "acme/landing-zone",
      roleName: "lz-evidence",
      readRoleName: "lz-read",
      partition: "aws",
      bucketName: "acme-evidence-111122223333",
      bucketRegion: "us-east-1",
    });
  });
});

const role = () => Object.values(resourcesOf(json, "aws_iam_role"))[0];
const inlinePolicy = () =>
  parsedPolicy(Object.values(resourcesOf(json, "aws_iam_role_policy"))[0].policy);
const decide = (action: string, resource: string, context?: Record<string, string>) =>
  decideByIdentity(inlinePolicy(), { principal: ROLE, action, resource, context });

test("only jobs in the evidence environment of this repository may assume it, for an hour", () => {
  expect(role()).toMatchObject({ name: "lz-evidence", max_session_duration: 3600 });
  const statements = parsedPolicy(role().assume_role_policy).Statement;
  expect(statements).toHaveLength(1);
  expect(statements[0]).toMatchObject({
    Effect: "Allow",
    Action: "sts:AssumeRoleWithWebIdentity",
    Principal: { Federated: expect.stringMatching(/aws_iam_openid_connect_provider\.github/) },
    Condition: {
      StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" },
      // Not a bare ref: every workflow on main would share it, the plan role's drift jobs included.
      StringLike: {
        "token.actions.githubusercontent.com:sub": [
          `repo:acme/landing-zone:environment:${EVIDENCE_ENVIRONMENT}`,
        ],
      },
    },
  });
});

test("reads its own account read-only, with no administrator grant", () => {
  expect(
    Object.values(resourcesOf(json, "aws_iam_role_policy_attachment")).map(
      (attachment) => attachment.policy_arn,
    ),
  ).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  expect(ruleViolations(json)).toEqual([]);
});

describe("its own policy", () => {
  test("lets it assume the read role of any member account, and no other role", async () => {
    expect(await decide("sts:AssumeRole", `arn:aws:iam::${MEMBER}:role/lz-read`)).toBe("Allowed");
    expect(await decide("sts:AssumeRole", `arn:aws:iam::${MEMBER}:role/lz-deploy`)).not.toBe(
      "Allowed",
    );
  });

  test.each(["s3:PutObject", "s3:GetObject", "s3:GetObjectRetention"])(
    "allows %s on evidence snapshots",
    async (action) => {
      expect(await decide(action, `${BUCKET}/2026-05/snapshot.json`)).toBe("Allowed");
    },
  );

  test("allows listing the evidence bucket", async () => {
    expect(await decide("s3:ListBucket", BUCKET)).toBe("Allowed");
  });

  test.each([
    ["s3:DeleteObject", `${BUCKET}/2026-05/snapshot.json`],
    ["s3:DeleteObjectVersion", `${BUCKET}/2026-05/snapshot.json`],
    ["s3:PutBucketPolicy", BUCKET],
    ["s3:PutObject", "arn:aws:s3:::acme-terraform-state/x.tfstate"],
  ])("does not allow %s on %s", async (action, resource) => {
    expect(await decide(action, resource)).not.toBe("Allowed");
  });

  // The evaluator knows no kms:EncryptionContext:<key> condition keys, so this one is read.
  test("uses the evidence key only through S3, for the evidence bucket", () => {
    const statement = inlinePolicy().Statement.find(
      (candidate) => candidate.Sid === "UseEvidenceKeyThroughS3",
    );
    expect(statement).toEqual({
      Sid: "UseEvidenceKeyThroughS3",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
        StringLike: { "kms:EncryptionContext:aws:s3:arn": [BUCKET, `${BUCKET}/*`] },
      },
    });
  });
});

test("declares the pipeline-identity and evidence-collection controls", () => {
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "change-pipeline-identity",
    "evidence-collection-identity",
  ]);
});
