import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  fromControlMatrixJson,
  toControlMatrixJson,
} from "../../../compliance/evidence/control-matrix";
import type {
  ControlMatrixJson,
  CriterionEvidence,
} from "../../../compliance/evidence/control-matrix";
import type { ResourceLocation } from "../../../compliance/evidence/stack-locations";
import { exampleSynth } from "../../helpers/example-synth";
import type { SynthOutput } from "../../helpers/synth-output";

let out: SynthOutput;
let json: ControlMatrixJson;
let matrix: CriterionEvidence[];
const evidence = (name: string) => readFileSync(join(out.outdir, "evidence", name), "utf8");
const stackNames = () => Object.keys(out.manifest.stacks);
const resourcesOf = (criteria: readonly CriterionEvidence[]): ResourceLocation[] => [
  ...new Map(
    criteria
      .flatMap((criterion) => criterion.controls)
      .flatMap((control) => control.resources.map((resource) => [control.id, resource] as const))
      .map(([control, resource]) => [`${control} ${resource.stack} ${resource.address}`, resource]),
  ).values(),
];

beforeAll(() => {
  out = exampleSynth();
  json = JSON.parse(evidence("control-matrix.json")) as ControlMatrixJson;
  matrix = fromControlMatrixJson(json);
});

const MANAGEMENT = "management (111122223333)";
const created = (name: string) => `${name} (created by the landing zone)`;

/** The account of each stack's default provider, in the example. */
function defaultAccountOf(stack: string): string {
  if (stack === "logging") return created("log-archive");
  if (["security", "security-members"].includes(stack)) return created("audit");
  if (stack === "account-prod-platform") return "prod-platform (444455556666)";
  if (stack.startsWith("account-")) return created(stack.slice("account-".length));
  return MANAGEMENT;
}

test("each resource is in the account its provider works in, not the management account for every stack", () => {
  const resources = resourcesOf(matrix).filter((resource) => resource.stack !== "repository");
  for (const resource of resources) {
    const [type, ...name] = resource.address.split(".");
    const provider = (
      out.stack(resource.stack).resource[type][name.join(".")] as {
        provider?: string;
      }
    ).provider;
    expect({ ...resource, provider }).toEqual({
      ...resource,
      provider,
      account: provider === "aws.management" ? MANAGEMENT : defaultAccountOf(resource.stack),
    });
  }
  const accountsOf = (stack: string) =>
    new Set(resources.filter((resource) => resource.stack === stack).map((r) => r.account));
  // The log archive and the audit account hold most of these stacks; the management provider
  // holds the organization trail and the delegations.
  expect(accountsOf("logging")).toEqual(new Set([created("log-archive"), MANAGEMENT]));
  expect(accountsOf("security")).toEqual(new Set([created("audit"), MANAGEMENT]));
  expect(accountsOf("security-members")).toEqual(new Set([created("audit")]));
  expect(accountsOf("account-dev-data")).toEqual(new Set([created("dev-data")]));
  const trail = resources.find((resource) => resource.address.startsWith("aws_cloudtrail."));
  expect(trail).toMatchObject({ stack: "logging", account: MANAGEMENT });
  const bucket = resources.find(
    (resource) => resource.stack === "logging" && resource.address.startsWith("aws_s3_bucket."),
  );
  expect(bucket?.account).toBe(created("log-archive"));
  expect(evidence("control-matrix.md")).toMatch(
    /\| logging \| log-archive \(created by the landing zone\) \| us-east-1 \| `aws_s3_bucket\./,
  );
});

test("guardrail rules that passed resources count as coverage: C1.2 is served, not a gap", () => {
  const c12 = matrix.find((criterion) => criterion.id === "C1.2")!;
  expect(c12.status).toBe("technical");
  expect(c12.rules.map((rule) => rule.id)).toEqual(
    expect.arrayContaining(["LZ-S3-007", "LZ-LOGS-002", "LZ-BKP-002"]),
  );
  for (const rule of c12.rules) expect(rule.passed).toBeGreaterThan(0);
  const markdown = evidence("control-matrix.md");
  expect(markdown).toMatch(/\| C1\.2 \| [^|]+ \| technical \| [^|]+ \| [^|]*LZ-BKP-002 \(\d+\)/);
  expect(markdown.split("## Gaps")[1]).not.toContain("C1.2");
});

test("physical access (CC6.4) is inherited from AWS, citing AWS's SOC 2 report, apart from gaps and owners", () => {
  const cc64 = matrix.find((criterion) => criterion.id === "CC6.4")!;
  expect(cc64).toMatchObject({
    status: "inherited",
    owners: [],
    inherited: {
      from: "AWS",
      evidence: "AWS SOC 2 Type 2 report, available through AWS Artifact",
    },
  });
  const markdown = evidence("control-matrix.md");
  expect(markdown).toContain(
    "| CC6.4 | Physical access to facilities and assets is restricted | inherited |",
  );
  const [, inherited, gaps] = markdown.split(/## Inherited|## Gaps/);
  expect(inherited).toMatch(
    /- CC6\.4: .* Met by AWS .* Evidence: AWS SOC 2 Type 2 report, available through AWS Artifact\./,
  );
  expect(gaps).not.toContain("CC6.4");
  expect(evidence("README.md")).toContain("inherited from AWS: 1");
});

test("control-matrix.json groups addresses by stack, account and region, and reads back whole", () => {
  const text = evidence("control-matrix.json");
  // One object per resource repeated stack, account and region for every address.
  expect(text).not.toMatch(/"address":/);
  const groups = json.resources.map((group) => `${group.stack} ${group.account} ${group.region}`);
  expect(new Set(groups).size).toBe(groups.length);
  expect(json.resources[0].stack).toBe(stackNames()[0]);
  const prodData = json.resources.find(
    (group) => group.stack === "account-prod-data" && group.region === "us-west-2",
  )!;
  expect(prodData.account).toBe(created("prod-data"));
  expect(prodData.controls["backup-and-recovery"].length).toBeGreaterThan(5);
  // Every address of the Markdown is in the JSON, and the JSON reads back to what it was written from.
  const rows = [
    ...evidence("control-matrix.md").matchAll(/^\| ([^|]+) \| [^|]+ \| [^|]+ \| `(.+)` \|$/gm),
  ];
  const addresses = resourcesOf(matrix);
  expect(addresses.length).toBe(rows.length);
  expect(toControlMatrixJson(matrix, stackNames())).toEqual(json);
  // One object per resource and control took about 260 bytes per address in the example.
  expect(text.length / addresses.length).toBeLessThan(160);
});
