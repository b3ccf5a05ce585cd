import { createHash } from "node:crypto";
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { collectEvidence } from "../../../cli/evidence-collection/collect";
import type { CollectEvidenceOptions } from "../../../cli/evidence-collection/collect";
import { IAM_CREDENTIAL_REPORTS } from "../../../cli/evidence-collection/collectors/iam-credential-reports";
import type { EvidenceCheck } from "../../../cli/evidence-collection/evidence-run";
import { parsePeriod } from "../../../cli/evidence-collection/period";
import { verifySnapshot } from "../../../cli/evidence-collection/snapshot-files";
import { tempDir } from "../../helpers/temp-dirs";
import { COLLECTED_AT, exampleConfig, IDS, MANAGEMENT } from "./evidence-run-fixture";

const sts = mockClient(STSClient);
const organizations = mockClient(OrganizationsClient);
const iam = mockClient(IAMClient);
const s3 = mockClient(S3Client);
afterAll(() => [sts, organizations, iam, s3].forEach((mock) => mock.restore()));

const CALLER = `arn:aws:sts::${MANAGEMENT}:assumed-role/nwh-evidence/collect`;
const AUDIT_READ_ROLE = `arn:aws:iam::${IDS.audit}:role/nwh-lz-read`;

beforeEach(() => {
  [sts, organizations, iam, s3].forEach((mock) => mock.reset());
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: MANAGEMENT, Arn: CALLER, UserId: "AROA:collect" });
  sts.on(AssumeRoleCommand).resolves({
    Credentials: {
      AccessKeyId: "ASIATEST",
      SecretAccessKey: "secret",
      SessionToken: "token",
      Expiration: new Date(Date.now() + 3600_000),
    },
  });
  sts.on(AssumeRoleCommand, { RoleArn: AUDIT_READ_ROLE }).rejects(
    Object.assign(new Error(`User: ${CALLER} is not authorized to perform: sts:AssumeRole`), {
      name: "AccessDenied",
    }),
  );
  organizations
    .on(DescribeOrganizationCommand)
    .resolves({ Organization: { Id: "o-example1234", MasterAccountId: MANAGEMENT } });
  organizations
    .on(ListRootsCommand)
    .resolves({ Roots: [{ Id: "r-root", Name: "Root", PolicyTypes: [] }] });
  organizations
    .on(ListOrganizationalUnitsForParentCommand)
    .resolves({ OrganizationalUnits: [] })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: "r-root" })
    .resolves({ OrganizationalUnits: [{ Id: "ou-security", Name: "Security" }] });
  organizations
    .on(ListAccountsForParentCommand, { ParentId: "r-root" })
    .resolves({
      Accounts: [
        {
          Id: MANAGEMENT,
          Name: "management",
          Email: "aws+management@northwind-health.com",
          State: "ACTIVE",
        },
      ],
    })
    .on(ListAccountsForParentCommand, { ParentId: "ou-security" })
    .resolves({
      Accounts: [
        {
          Id: IDS["log-archive"],
          Name: "log-archive",
          Email: "aws+log-archive@northwind-health.com",
          State: "ACTIVE",
        },
        { Id: IDS.audit, Name: "audit", Email: "aws+audit@northwind-health.com", State: "ACTIVE" },
      ],
    });
  iam.on(GenerateCredentialReportCommand).resolves({ State: "COMPLETE" });
  iam
    .on(GetCredentialReportCommand)
    .resolves({ Content: new TextEncoder().encode("user,arn,mfa_active\n") });
  s3.on(PutObjectCommand).resolves({});
});

const BROKEN: EvidenceCheck = {
  id: "broken",
  title: "A check with a bug",
  criteria: ["CC7.2"],
  covers: "collection time",
  collect: () => Promise.reject(new TypeError("Cannot read properties of undefined")),
};

async function options(
  overrides: Partial<CollectEvidenceOptions> = {},
): Promise<CollectEvidenceOptions> {
  return {
    config: await exampleConfig(),
    period: parsePeriod(undefined, undefined, COLLECTED_AT),
    outDir: join(tempDir(), "snapshot"),
    checks: [IAM_CREDENTIAL_REPORTS, BROKEN],
    clientSettings: { maxAttempts: 1 },
    progress: () => {},
    now: () => COLLECTED_AT,
    ...overrides,
  };
}

test("an account whose read role can't be assumed, and a check that fails, are listed as missing", async () => {
  const { dir, manifest } = await collectEvidence(await options());
  expect(manifest.complete).toBe(false);
  expect(manifest.missing).toEqual([
    {
      check: "broken",
      account: "organization",
      reason: "TypeError: Cannot read properties of undefined",
    },
    {
      check: "iam-credential-reports",
      account: IDS.audit,
      accountName: "audit",
      region: "us-east-1",
      reason: `the read role ${AUDIT_READ_ROLE} could not be assumed: AccessDenied: User: ${CALLER} is not authorized to perform: sts:AssumeRole`,
    },
  ]);
  const file = JSON.parse(readFileSync(join(dir, "iam-credential-reports.json"), "utf8"));
  expect(file).toMatchObject({ complete: false, period: { from: "2026-05-01", to: "2026-05-31" } });
  expect(file.missing).toHaveLength(1);
  expect(file.results.accounts.map((account: { account: string }) => account.account)).toEqual([
    "management",
    "log-archive",
  ]);
});

test("the manifest lists every file with its SHA-256, the period, the caller and the tool", async () => {
  const { dir, manifest } = await collectEvidence(await options());
  expect(verifySnapshot(dir)).toEqual([]);
  for (const file of manifest.files)
    expect(
      createHash("sha256")
        .update(readFileSync(join(dir, file.path)))
        .digest("hex"),
    ).toBe(file.sha256);
  expect(manifest).toMatchObject({
    format: "soc2-landing-zone/evidence-snapshot/1",
    organization: {
      name: "Northwind Health",
      id: "o-example1234",
      managementAccountId: MANAGEMENT,
    },
    period: { from: "2026-05-01", to: "2026-05-31" },
    caller: { account: MANAGEMENT, arn: CALLER },
    tool: { name: "soc2-landing-zone", version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
  });
  expect(manifest.files.map((file) => [file.path, file.criteria])).toEqual([
    ["iam-credential-reports.json", ["CC6.1", "CC6.2", "CC6.3"]],
    ["broken.json", ["CC7.2"]],
  ]);
  expect(manifest.criteria["CC6.2"]).toEqual({
    title: "Users are registered and authorized before credentials are issued",
    inScope: true,
    files: ["iam-credential-reports.json"],
  });
  expect(manifest.config.files.map((file) => file.path)).toContain("identity.yaml");
});

test("a changed, missing or added file no longer verifies", async () => {
  const { dir } = await collectEvidence(await options());
  rmSync(join(dir, "iam-credential-reports.json"));
  appendFileSync(join(dir, "broken.json"), " ");
  writeFileSync(join(dir, "extra.json"), "{}");
  expect(verifySnapshot(dir)).toEqual([
    "iam-credential-reports.json is listed in the manifest but absent",
    expect.stringMatching(
      /^broken\.json has SHA-256 [0-9a-f]{64}; the manifest says [0-9a-f]{64}$/,
    ),
    "extra.json is not listed in the manifest",
  ]);
});

test("uploads each file with its SHA-256 for S3 to check, the manifest last", async () => {
  const { manifest, uploaded } = await collectEvidence(
    await options({
      upload: { bucket: "nwh-evidence-111122223333", prefix: "evidence-snapshots" },
    }),
  );
  const puts = s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
  expect(puts.map((put) => put.Key)).toEqual([
    "evidence-snapshots/2026-05/20260601T060000Z/iam-credential-reports.json",
    "evidence-snapshots/2026-05/20260601T060000Z/broken.json",
    "evidence-snapshots/2026-05/20260601T060000Z/manifest.json",
  ]);
  expect(uploaded).toEqual(puts.map((put) => put.Key));
  for (const put of puts) {
    expect(put.Bucket).toBe("nwh-evidence-111122223333");
    expect(put.ChecksumSHA256).toBe(
      createHash("sha256")
        .update(put.Body as Buffer)
        .digest("base64"),
    );
    // The bucket's default Object Lock retention applies; the uploader sets none.
    expect(put).not.toHaveProperty("ObjectLockMode");
  }
  expect(
    createHash("sha256")
      .update(puts[0].Body as Buffer)
      .digest("hex"),
  ).toBe(manifest.files[0].sha256);
});

test("refuses credentials of another account, before reading anything", async () => {
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: "999999999999", Arn: "arn:aws:iam::999999999999:user/someone" });
  await expect(collectEvidence(await options())).rejects.toThrow(
    "the credentials are of account 999999999999 (arn:aws:iam::999999999999:user/someone), but the organization's management account is 111122223333",
  );
  expect(organizations.calls()).toHaveLength(0);
});

test("never writes over a folder that holds something", async () => {
  const outDir = tempDir();
  mkdirSync(join(outDir, "earlier"));
  await expect(collectEvidence(await options({ outDir }))).rejects.toThrow("already holds files");
  expect(sts.calls()).toHaveLength(0);
});
