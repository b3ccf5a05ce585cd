import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CloudTrailClient,
  CreateTrailCommand,
  StartLoggingCommand,
} from "@aws-sdk/client-cloudtrail";
import { CreateUserCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateGroupCommand, IdentitystoreClient } from "@aws-sdk/client-identitystore";
import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  EnablePolicyTypeCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3";
import {
  CreateAccountAssignmentCommand,
  CreatePermissionSetCommand,
  ListInstancesCommand,
  SSOAdminClient,
} from "@aws-sdk/client-sso-admin";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { freeLoopbackPort } from "../../aws-harness/emulator/moto-server";
import { findExecutable } from "../../aws-harness/harness-settings";
import { expectedPolicies } from "../../cli/evidence-collection/collectors/expected-policy-attachments";
import { compactTimestamp } from "../../cli/evidence-collection/period";
import { verifySnapshot } from "../../cli/evidence-collection/snapshot-files";
import { loadSynthConfig } from "../../cli/load-synth-config";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { EXAMPLE_CONFIG_DIR } from "../helpers/example-config";
import { tempDir } from "../helpers/temp-dirs";

/**
 * End to end on the moto emulator: an organization with accounts, OUs, a trail, policy
 * attachments (one of them drift), an Identity Center assignment identity.yaml doesn't make and an
 * IAM user; then `npm run collect-evidence -- --upload` as a process, with AWS_ENDPOINT_URL and the
 * emulator's credentials, as it runs against AWS.
 */
const ROOT = join(__dirname, "..", "..");
// The seeding clients are the SDK's own; the CLI's say this for themselves (aws-access.ts).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const MANAGEMENT = "111122223333";
const REGION = "us-east-1";

const MOTO = findExecutable("moto_server", process.env);
if (!MOTO)
  process.stderr.write(
    'moto_server is not on PATH: skipping the end-to-end test of collect-evidence (pip install "moto[server]")\n',
  );
const describeWithMoto = MOTO ? describe : describe.skip;

async function startMoto(): Promise<{ child: ChildProcess; endpoint: string }> {
  const port = await freeLoopbackPort();
  const child = spawn(MOTO!, ["-H", "127.0.0.1", "-p", String(port)], { stdio: "ignore" });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) return { child, endpoint };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`moto_server did not answer on ${endpoint}`);
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/** The emulator tells accounts apart by role session: its STS accepts any role. */
async function credentialsOf(endpoint: string, accountId: string): Promise<Credentials> {
  const sts = new STSClient({
    region: REGION,
    endpoint,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  const { Credentials: session } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/seed`,
      RoleSessionName: "seed",
    }),
  );
  return {
    accessKeyId: session!.AccessKeyId!,
    secretAccessKey: session!.SecretAccessKey!,
    sessionToken: session!.SessionToken,
  };
}

interface Seeded {
  readonly accounts: Record<string, string>;
  readonly organizationId: string;
}

async function seed(endpoint: string, management: Credentials): Promise<Seeded> {
  const client = { region: REGION, endpoint, credentials: management };
  const org = new OrganizationsClient(client);
  const { Organization: organization } = await org.send(
    new CreateOrganizationCommand({ FeatureSet: "ALL" }),
  );
  const rootId = (await org.send(new ListRootsCommand({}))).Roots![0].Id!;
  await org.send(
    new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" }),
  );
  const ou = async (name: string, parentId: string) =>
    (await org.send(new CreateOrganizationalUnitCommand({ Name: name, ParentId: parentId })))
      .OrganizationalUnit!.Id!;
  const security = await ou("Security", rootId);
  const development = await ou("Development", await ou("Workloads", rootId));
  const accounts: Record<string, string> = {};
  for (const [name, email, parent] of [
    ["log-archive", "aws+log-archive@northwind-health.com", security],
    ["audit", "aws+audit@northwind-health.com", security],
    ["dev-data", "aws+dev-data@northwind-health.com", development],
    ["rogue", "rogue@example.com", rootId],
  ]) {
    const { CreateAccountStatus: status } = await org.send(
      new CreateAccountCommand({ AccountName: name, Email: email }),
    );
    accounts[name] = status!.AccountId!;
    if (parent !== rootId)
      await org.send(
        new MoveAccountCommand({
          AccountId: accounts[name],
          SourceParentId: rootId,
          DestinationParentId: parent,
        }),
      );
  }

  // One policy as config makes it, one attached where config doesn't attach it.
  const config = await loadSynthConfig(EXAMPLE_CONFIG_DIR);
  const expected = expectedPolicies(config, organization!.Id!);
  for (const [name, target] of [
    ["nwh-deny-iam-users", rootId],
    ["nwh-deny-all", development],
  ]) {
    const policy = expected.find((candidate) => candidate.name === name)!;
    const { Policy: created } = await org.send(
      new CreatePolicyCommand({
        Name: name,
        Description: name,
        Type: "SERVICE_CONTROL_POLICY",
        Content: policy.content,
      }),
    );
    await org.send(
      new AttachPolicyCommand({ PolicyId: created!.PolicySummary!.Id!, TargetId: target }),
    );
  }

  const s3 = new S3Client(client);
  await s3.send(new CreateBucketCommand({ Bucket: "nwh-trail-seed" }));
  await s3.send(
    new CreateBucketCommand({
      Bucket: `nwh-evidence-${MANAGEMENT}`,
      ObjectLockEnabledForBucket: true,
    }),
  );
  const trail = new CloudTrailClient(client);
  await trail.send(
    new CreateTrailCommand({
      Name: "nwh-organization-trail",
      S3BucketName: "nwh-trail-seed",
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
    }),
  );
  await trail.send(new StartLoggingCommand({ Name: "nwh-organization-trail" }));

  const sso = new SSOAdminClient(client);
  const instance = (await sso.send(new ListInstancesCommand({}))).Instances![0];
  const { GroupId: groupId } = await new IdentitystoreClient(client).send(
    new CreateGroupCommand({ IdentityStoreId: instance.IdentityStoreId, DisplayName: "finance" }),
  );
  const { PermissionSet: permissionSet } = await sso.send(
    new CreatePermissionSetCommand({ InstanceArn: instance.InstanceArn, Name: "PlatformAdmin" }),
  );
  await sso.send(
    new CreateAccountAssignmentCommand({
      InstanceArn: instance.InstanceArn,
      TargetId: accounts["dev-data"],
      TargetType: "AWS_ACCOUNT",
      PermissionSetArn: permissionSet!.PermissionSetArn,
      PrincipalType: "GROUP",
      PrincipalId: groupId,
    }),
  );

  await new IAMClient({
    ...client,
    credentials: await credentialsOf(endpoint, accounts["dev-data"]),
  }).send(new CreateUserCommand({ UserName: "legacy-deployer" }));
  return { accounts, organizationId: organization!.Id! };
}

function runCli(args: readonly string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(
      process.execPath,
      [...typescriptEntryArguments("cli/collect-evidence.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

describeWithMoto("npm run collect-evidence on the emulator", () => {
  let moto: ChildProcess;
  let endpoint: string;
  let seeded: Seeded;
  let management: Credentials;
  let result: Awaited<ReturnType<typeof runCli>>;
  const out = join(tempDir(), "snapshot");
  const read = (file: string) => JSON.parse(readFileSync(join(out, file), "utf8"));

  beforeAll(async () => {
    ({ child: moto, endpoint } = await startMoto());
    management = await credentialsOf(endpoint, MANAGEMENT);
    seeded = await seed(endpoint, management);
    result = await runCli(["--out", out, "--upload"], {
      AWS_ENDPOINT_URL: endpoint,
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: management.accessKeyId,
      AWS_SECRET_ACCESS_KEY: management.secretAccessKey,
      AWS_SESSION_TOKEN: management.sessionToken ?? "",
      // The emulator lacks some APIs: fail them at once rather than retry.
      AWS_MAX_ATTEMPTS: "1",
      LZ_CONFIG_DIR: EXAMPLE_CONFIG_DIR,
    });
  }, 30_000);

  afterAll(async () => {
    if (!moto || moto.exitCode !== null) return;
    const exited = new Promise((resolve) => moto.once("exit", resolve));
    moto.kill();
    await exited;
  });

  test("writes a snapshot whose manifest verifies, and says on exit whether it is complete", () => {
    expect(result.stderr).not.toMatch(/^ {4}at /m);
    expect(result.stdout.trim()).toBe(out);
    expect(verifySnapshot(out)).toEqual([]);
    const manifest = read("manifest.json");
    expect(manifest.organization).toEqual({
      name: "Northwind Health",
      id: seeded.organizationId,
      managementAccountId: MANAGEMENT,
    });
    expect(manifest.caller.account).toBe(MANAGEMENT);
    expect(manifest.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    // The emulator lacks Config conformance packs and Backup: recorded, with the reason, never skipped.
    expect(manifest.complete).toBe(false);
    expect(result.status).toBe(2);
    expect(manifest.missing.length).toBeGreaterThan(0);
    for (const entry of manifest.missing) expect(entry.reason).not.toBe("");
    expect(manifest.missing.map((entry: { check: string }) => entry.check)).toContain(
      "aws-config-conformance",
    );
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(
      expect.arrayContaining([
        "organization-policies.json",
        "cloudtrail.json",
        "identity-center-access-review.csv",
      ]),
    );
  });

  test("lists the organization's real accounts, and flags the one config doesn't declare", () => {
    const accounts = read("organization-accounts.json");
    expect(accounts.results.accounts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          account: "dev-data",
          accountId: seeded.accounts["dev-data"],
          ou: "Workloads/Development",
        }),
        expect.objectContaining({
          account: "audit",
          accountId: seeded.accounts.audit,
          ou: "Security",
        }),
      ]),
    );
    expect(accounts.flags).toContainEqual({
      account: `rogue (${seeded.accounts.rogue})`,
      issue: "is in the organization (Root) but not in config",
    });
  });

  test("shows the trail logging and the policies attached, with the drift flagged", () => {
    const trail = read("cloudtrail.json");
    expect(trail.results.trails).toEqual([
      expect.objectContaining({
        name: "nwh-organization-trail",
        organizationTrail: true,
        logging: true,
      }),
    ]);
    const policies = read("organization-policies.json");
    const root = policies.results.targets.find(
      (target: { target: string }) => target.target === "Root",
    );
    expect(root.attached).toContainEqual(
      expect.objectContaining({ name: "nwh-deny-iam-users", expected: true }),
    );
    expect(policies.results.policies).toContainEqual(
      expect.objectContaining({ name: "nwh-deny-iam-users", document: "matches config" }),
    );
    expect(policies.flags).toContainEqual({
      issue:
        "nwh-deny-all is attached to Workloads/Development (organizational unit), which config doesn't do",
    });
  });

  test("fills the access review from Identity Center and lists IAM users", () => {
    const access = read("identity-center-assignments.json");
    expect(access.results.assignments).toContainEqual(
      expect.objectContaining({
        principal: "finance",
        permissionSet: "PlatformAdmin",
        account: "dev-data",
        status: "not in identity.yaml",
      }),
    );
    const iam = read("iam-credential-reports.json");
    const devData = iam.results.accounts.find(
      (account: { account: string }) => account.account === "dev-data",
    );
    expect(devData.users).toEqual([
      expect.objectContaining({ user: "legacy-deployer", mfaActive: false }),
    ]);
  });

  test("uploads every file, the manifest last, to the evidence bucket", async () => {
    const s3 = new S3Client({ region: REGION, endpoint, credentials: management });
    const bucket = `nwh-evidence-${MANAGEMENT}`;
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
    const manifest = read("manifest.json");
    // Keyed by period and collection time, whatever the local folder is called.
    const folder = `evidence-snapshots/${manifest.period.label}/${compactTimestamp(new Date(manifest.collected.started))}`;
    expect((listed.Contents ?? []).map((object) => object.Key).sort()).toEqual(
      [
        ...manifest.files.map((file: { path: string }) => `${folder}/${file.path}`),
        `${folder}/manifest.json`,
      ].sort(),
    );
    const uploaded = await s3.send(
      new GetObjectCommand({ Bucket: bucket, Key: `${folder}/manifest.json` }),
    );
    expect(await uploaded.Body!.transformToString()).toBe(
      readFileSync(join(out, "manifest.json"), "utf8"),
    );
  });
});
