import { readFileSync } from "node:fs";
import {
  GOVERN_ME_CENTRAL_1,
  PROD_ANALYTICS_QUARANTINED,
  PROD_FROM_IPAM,
  STAGING_DATA_CLOSING,
} from "../../helpers/example-edits";
import { join } from "node:path";
import type { NetworkInventory, VpcEntry } from "../../../compliance/evidence/network-inventory";
import { editedExample } from "../../helpers/example-config";
import { exampleSynth } from "../../helpers/example-synth";
import { synthLandingZone } from "../../helpers/synth";
import { defaultProvider } from "../../helpers/synth-output";
import type { StackJson, SynthOutput } from "../../helpers/synth-output";

let out: SynthOutput;
/**
 * The example with prod's VPCs from an organization IPAM, me-central-1 governed, prod-analytics
 * quarantined and staging-data closing: both baselines are held, so neither has a stack.
 */
let variant: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
  variant = synthLandingZone(
    editedExample([
      GOVERN_ME_CENTRAL_1,
      ...PROD_FROM_IPAM,
      PROD_ANALYTICS_QUARANTINED,
      STAGING_DATA_CLOSING,
    ]),
  );
});

const synths = () => ({ example: out, variant });
const evidence = (synth: SynthOutput, name: string) =>
  readFileSync(join(synth.outdir, "evidence", name), "utf8");
const inventoryOf = (synth: SynthOutput) =>
  JSON.parse(evidence(synth, "network-inventory.json")) as NetworkInventory;
const values = (stack: StackJson, type: string): StackJson[] =>
  Object.values(stack.resource?.[type] ?? {});

/** The stacks of account baselines, the management account's included. */
const baselineStacks = (synth: SynthOutput) =>
  Object.keys(synth.manifest.stacks).filter(
    (name) => name === "management" || name.startsWith("account-"),
  );
const baselineStackOf = (account: string) =>
  account === "management" ? "management" : `account-${account}`;
const accountOfStack = (stack: string) => stack.replace(/^account-/, "");

/** Every account the organization and environment stacks create or import. */
const memberAccounts = (synth: SynthOutput) =>
  Object.keys(synth.manifest.stacks).flatMap((name) =>
    values(synth.stack(name), "aws_organizations_account").map((account) => account.name),
  );

/** A resource's region: its own `region` argument, else that of the provider it uses. */
function regionOf(stack: StackJson, resource: StackJson): string {
  if (resource.region) return resource.region;
  const provider = resource.provider
    ? stack.provider.aws.find(
        (candidate: StackJson) => `aws.${candidate.alias}` === resource.provider,
      )
    : defaultProvider(stack);
  return provider.region;
}

function capture(pattern: RegExp, text: string, what: string): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`${what}: ${text} doesn't match ${String(pattern)}`);
  return match[1];
}

/**
 * An IPAM-addressed VPC as the inventory writes it, read from the pool the VPC draws from: the
 * output of another stack that names one of its aws_vpc_ipam_pool resources.
 */
function ipamAddressing(synth: SynthOutput, vpc: StackJson): string {
  const [, stackName, outputName] =
    /^\$\{data\.terraform_remote_state\.remote-state-([\w-]+)\.outputs\.([\w-]+)\}$/.exec(
      vpc.ipv4_ipam_pool_id,
    ) ?? [];
  if (!stackName)
    throw new Error(`VPC with neither cidr_block nor a pool output: ${JSON.stringify(vpc)}`);
  const owner = synth.stack(stackName);
  const poolId = capture(
    /^\$\{aws_vpc_ipam_pool\.([\w-]+)\.id\}$/,
    owner.output[outputName].value,
    `output ${outputName} of ${stackName}`,
  );
  const pool = owner.resource.aws_vpc_ipam_pool[poolId];
  const environment = capture(/^(\S+) VPCs in /, pool.description, `pool ${poolId}`);
  return `IPAM pool ${environment}/${pool.locale}, /${vpc.ipv4_netmask_length}`;
}

/** One VPC, in the terms the inventory compares: what is deployed, or what the evidence says. */
interface VpcFacts {
  readonly account: string;
  readonly region: string;
  readonly addressing: string;
  readonly availabilityZones: number;
  readonly interfaceEndpoints: readonly string[];
  readonly gatewayEndpoints: readonly string[];
}

const byAccountAndRegion = (a: VpcFacts, b: VpcFacts) =>
  `${a.account} ${a.region}`.localeCompare(`${b.account} ${b.region}`);

/** Every aws_vpc of the baseline stacks, with the subnets and endpoints that belong to it. */
function deployedVpcs(synth: SynthOutput): VpcFacts[] {
  return baselineStacks(synth)
    .flatMap((name) => {
      const stack = synth.stack(name);
      return Object.entries((stack.resource?.aws_vpc ?? {}) as Record<string, StackJson>).map(
        ([id, vpc]): VpcFacts => {
          const inVpc = (resource: StackJson) => resource.vpc_id === `\${aws_vpc.${id}.id}`;
          const endpoints = (type: string) =>
            values(stack, "aws_vpc_endpoint")
              .filter((endpoint) => inVpc(endpoint) && endpoint.vpc_endpoint_type === type)
              // com.amazonaws.<region>.<service>
              .map((endpoint) => (endpoint.service_name as string).split(".").at(-1)!)
              .sort();
          return {
            account: accountOfStack(name),
            region: regionOf(stack, vpc),
            addressing: vpc.cidr_block ?? ipamAddressing(synth, vpc),
            availabilityZones: new Set(
              values(stack, "aws_subnet")
                .filter(inVpc)
                .map((subnet) => subnet.availability_zone_id ?? subnet.availability_zone),
            ).size,
            interfaceEndpoints: endpoints("Interface"),
            gatewayEndpoints: endpoints("Gateway"),
          };
        },
      );
    })
    .sort(byAccountAndRegion);
}

const reported = (vpc: VpcEntry): VpcFacts => ({
  account: vpc.account,
  region: vpc.region,
  addressing: vpc.addressing,
  availabilityZones: vpc.availabilityZones,
  interfaceEndpoints: [...vpc.interfaceEndpoints].sort(),
  gatewayEndpoints: vpc.gatewayEndpoints.map((service) => service.toLowerCase()).sort(),
});

describe.each(["example", "variant"] as const)("the %s", (name) => {
  test("lists every VPC the account stacks deploy, as deployed, and no other", () => {
    const synth = synths()[name];
    const { vpcs } = inventoryOf(synth);
    const planned = vpcs.filter((vpc) => vpc.held === null);
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.map(reported).sort(byAccountAndRegion)).toEqual(deployedVpcs(synth));
    // The VPCs of a held baseline are no stack's: nothing plans them.
    for (const vpc of vpcs.filter((entry) => entry.held !== null))
      expect(synth.manifest.stacks[baselineStackOf(vpc.account)]).toBeUndefined();
  });

  test("lists every account's default VPCs in the regions its baseline makes them inert in", () => {
    const synth = synths()[name];
    const { defaultVpcs } = inventoryOf(synth);
    expect(defaultVpcs.map((entry) => entry.account).sort()).toEqual(
      ["management", ...memberAccounts(synth)].sort(),
    );
    for (const entry of defaultVpcs) {
      const stackName = baselineStackOf(entry.account);
      if (entry.handling.startsWith("baseline held")) {
        expect(synth.manifest.stacks[stackName]).toBeUndefined();
        continue;
      }
      expect(entry.handling).toMatch(/^inert: /);
      const stack = synth.stack(stackName);
      const lookups = Object.entries(stack.data.aws_vpcs as Record<string, StackJson>).filter(
        ([, lookup]) =>
          lookup.filter.some(
            (filter: StackJson) => filter.name === "is-default" && filter.values.includes("true"),
          ),
      );
      expect(lookups.map(([, lookup]) => regionOf(stack, lookup)).sort()).toEqual(
        [...entry.regions].sort(),
      );
      for (const [id, lookup] of lookups) {
        const overEach = (resource: StackJson) =>
          resource.for_each === `\${toset(data.aws_vpcs.${id}.ids)}`;
        const flowLogs = values(stack, "aws_flow_log").filter(overEach);
        const securityGroups = values(stack, "aws_default_security_group").filter(overEach);
        expect({ stack: stackName, region: lookup.region, flowLogs, securityGroups }).toEqual({
          stack: stackName,
          region: lookup.region,
          flowLogs: [expect.objectContaining({ traffic_type: "ALL" })],
          securityGroups: [expect.objectContaining({ ingress: [], egress: [] })],
        });
      }
    }
  });
});

test("each VPC names the account id its account stack is confined to, when config knows it", () => {
  const { vpcs } = inventoryOf(out);
  for (const vpc of vpcs) {
    const [allowed] = defaultProvider(out.stack(baselineStackOf(vpc.account)))
      .allowed_account_ids as string[];
    // A created account's id is a reference to the state of the stack that creates it.
    expect({ account: vpc.account, id: vpc.accountId }).toEqual({
      account: vpc.account,
      id: /^\d{12}$/.test(allowed) ? allowed : null,
    });
  }
  expect(vpcs.find((vpc) => vpc.account === "prod-platform")?.accountId).toBe("444455556666");
});

test("dev, without a network, has its accounts listed without a VPC, and no other environment", () => {
  const { vpcs, accountsWithoutVpc } = inventoryOf(out);
  const devAccounts = values(out.stack("dev"), "aws_organizations_account")
    .map((account) => account.name as string)
    .sort();
  expect(devAccounts.length).toBeGreaterThan(0);
  expect([...accountsWithoutVpc].sort((a, b) => a.account.localeCompare(b.account))).toEqual(
    devAccounts.map((account) => ({
      environment: "dev",
      account,
      reason: expect.stringMatching(/^environment dev has no network: /),
    })),
  );
  expect(vpcs.filter((vpc) => vpc.environment === "dev")).toEqual([]);
  for (const account of devAccounts)
    expect(values(out.stack(`account-${account}`), "aws_vpc")).toEqual([]);
});

test("flow logs and DNS query logs go to the network-logs bucket the logging stack creates", () => {
  const bucket = Object.values(out.resources("logging", "aws_s3_bucket")).find((candidate) =>
    (candidate["//"].metadata.path as string).startsWith("logging/network-logs-bucket/"),
  )?.bucket as string;
  expect(bucket).toBeDefined();
  const inventory = inventoryOf(out);
  expect(inventory.logBucket).toBe(bucket);
  expect(evidence(out, "network-inventory.md")).toContain(`log archive bucket \`${bucket}\``);

  const arn = `arn:aws:s3:::${bucket}`;
  for (const name of baselineStacks(out)) {
    const stack = out.stack(name);
    for (const flowLog of values(stack, "aws_flow_log")) {
      expect(flowLog).toMatchObject({
        log_destination: arn,
        log_destination_type: "s3",
        traffic_type: "ALL",
      });
      // Without destination options S3 receives them under AWSLogs/<account id>/vpcflowlogs/.
      expect(flowLog.destination_options).toBeUndefined();
    }
    for (const queryLogs of values(stack, "aws_route53_resolver_query_log_config"))
      expect(queryLogs.destination_arn).toBe(arn);
    for (const id of Object.keys(stack.resource?.aws_vpc ?? {})) {
      const vpcId = `\${aws_vpc.${id}.id}`;
      expect(values(stack, "aws_flow_log").filter((log) => log.vpc_id === vpcId)).toHaveLength(1);
      expect(
        values(stack, "aws_route53_resolver_query_log_config_association").filter(
          (association) => association.resource_id === vpcId,
        ),
      ).toHaveLength(1);
    }
  }

  for (const vpc of inventory.vpcs) {
    const prefix = `s3://${bucket}/AWSLogs/${vpc.accountId ?? `<${vpc.account}'s account id>`}`;
    expect(vpc.flowLogs).toBe(`all traffic → ${prefix}/vpcflowlogs/`);
    expect(vpc.dnsQueryLogs).toBe(`every query → ${prefix}/vpcdnsquerylogs/`);
  }
});

test("every account has its default VPCs listed in every governed region", () => {
  const { defaultVpcs } = inventoryOf(out);
  expect(defaultVpcs.map((entry) => entry.account)).toEqual(
    expect.arrayContaining(["management", "log-archive", "audit", "shared-services", "dev-data"]),
  );
  for (const entry of defaultVpcs) expect(entry.regions).toEqual(["us-east-1", "us-west-2"]);
  for (const entry of inventoryOf(variant).defaultVpcs)
    expect(entry.regions).toContain("me-central-1");
});

test("a quarantined account's VPCs are listed as held, and a closing account's absence says why", () => {
  const inventory = inventoryOf(variant);
  const analytics = inventory.vpcs.filter((vpc) => vpc.account === "prod-analytics");
  expect(analytics.map((vpc) => [vpc.region, vpc.held])).toEqual([
    ["us-east-1", expect.stringMatching(/^baseline held \(quarantined since 2026-11-29\)/)],
    ["us-west-2", expect.stringMatching(/^baseline held \(quarantined since 2026-11-29\)/)],
  ]);
  expect(inventory.vpcs.filter((vpc) => vpc.account === "staging-data")).toEqual([]);
  expect(inventory.accountsWithoutVpc).toContainEqual({
    environment: "staging",
    account: "staging-data",
    reason: expect.stringMatching(
      /^closing: no VPC is planned for it, and any it has stays as last applied \(baseline held \(closing since 2026-11-01\)/,
    ),
  });
  const handling = (account: string) =>
    inventory.defaultVpcs.find((entry) => entry.account === account)?.handling;
  expect(handling("prod-analytics")).toMatch(/^baseline held \(quarantined since 2026-11-29\)/);
  expect(handling("staging-data")).toMatch(/^baseline held \(closing since 2026-11-01\)/);
  expect(handling("staging-platform")).toMatch(/^inert: /);

  const markdown = evidence(variant, "network-inventory.md");
  expect(markdown).toContain(
    "\n| prod | prod-analytics (baseline held (quarantined since 2026-11-29): kept as last applied, not planned) | 888899990000 | us-east-1 | IPAM pool prod/us-east-1, /20 | 3 |",
  );
  expect(markdown).toMatch(/\n\| staging \| staging-data \| closing: [^|]+ \|\n/);
  expect(markdown).toMatch(
    /\n\| staging-data \| 777788889999 \| us-east-1, us-west-2, me-central-1 \| baseline held \(closing since 2026-11-01\)[^|]* \|\n/,
  );
});

test("the markdown has a table per section, with concrete rows", () => {
  const markdown = evidence(out, "network-inventory.md");
  expect(markdown).toContain(
    [
      "## Workload VPCs",
      "",
      "| environment | account | account id | region | addressing | availability zones | public subnets | interface endpoints | gateway endpoints | flow logs | DNS query logs |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      "| prod | prod-platform | 444455556666 | us-east-1 | 10.20.0.0/20 | 3 | none | ssm, ssmmessages, ec2messages, kms, logs, sts | S3, DynamoDB | all traffic → `s3://nwh-log-archive-network-111122223333/AWSLogs/444455556666/vpcflowlogs/` | every query → `s3://nwh-log-archive-network-111122223333/AWSLogs/444455556666/vpcdnsquerylogs/` |",
    ].join("\n"),
  );
  // A created account's id is unknown until it exists: a placeholder, still as code.
  expect(markdown).toContain(
    "| staging | staging-data | created by the landing zone | us-east-1 | 10.30.16.0/20 | 2 | none | ssm, ssmmessages, ec2messages | S3, DynamoDB | all traffic → `s3://nwh-log-archive-network-111122223333/AWSLogs/<staging-data's account id>/vpcflowlogs/` |",
  );
  expect(markdown).toContain(
    [
      "## Accounts without a landing-zone VPC",
      "",
      "| environment | account | reason |",
      "| --- | --- | --- |",
      "| dev | dev-platform | environment dev has no network: the landing zone builds no VPC in its accounts |",
    ].join("\n"),
  );
  expect(markdown).toMatch(
    /\n\| account \| account id \| governed regions \| default VPCs \|\n\| --- \| --- \| --- \| --- \|\n\| management \| 111122223333 \| us-east-1, us-west-2 \| inert: [^|]+ \|\n/,
  );
});
