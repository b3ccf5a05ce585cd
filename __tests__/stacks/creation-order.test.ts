import { exampleSynth } from "../helpers/example-synth";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

/**
 * AWS checks some things when a resource is created that Terraform can't see as references: a
 * logging target's bucket policy, the trail's bucket and topic policies and its log role's
 * policy, an organization with its policy types enabled. Each must be a stated dependency, or the
 * first apply fails on a race (the emulator run found them).
 */

let out: SynthOutput;
beforeAll(() => {
  out = exampleSynth();
});

type Resource = { type: string; name: string; body: StackJson };

function resourcesOf(stack: StackJson): Resource[] {
  return Object.entries<Record<string, StackJson>>(stack.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, body]) => ({ type, name, body })),
  );
}

/** Addresses a resource refers to or depends on, directly. */
function directDependencies(resource: Resource): Set<string> {
  const { "//": _metadata, ...body } = resource.body;
  const text = JSON.stringify(body);
  const found = new Set<string>(resource.body.depends_on ?? []);
  for (const match of text.matchAll(/(?<![\w.-])(aws_[a-z0-9_]+\.[\w-]+)/g)) found.add(match[1]);
  return found;
}

function dependsOn(stack: StackJson, from: string, to: string): boolean {
  const byAddress = new Map(resourcesOf(stack).map((r) => [`${r.type}.${r.name}`, r]));
  const seen = new Set<string>();
  const walk = (address: string): boolean => {
    if (seen.has(address)) return false;
    seen.add(address);
    const resource = byAddress.get(address);
    if (!resource) return false;
    const next = directDependencies(resource);
    return next.has(to) || [...next].some(walk);
  };
  return walk(from);
}

const address = (resource: Resource) => `${resource.type}.${resource.name}`;
const ofType = (stack: StackJson, type: string) =>
  resourcesOf(stack).filter((r) => r.type === type);
/** The resource of a type whose `argument` is the same reference or literal as `value`. */
const withArgument = (stack: StackJson, type: string, argument: string, value: unknown) =>
  ofType(stack, type).find((r) => r.body[argument] === value);

const stacksWith = (type: string) =>
  Object.keys(out.manifest.stacks).filter((name) => ofType(out.stack(name), type).length > 0);

test("bucket access logging waits for the target bucket's policy to admit log delivery", () => {
  const stacks = stacksWith("aws_s3_bucket_logging");
  expect(stacks).toEqual(expect.arrayContaining(["bootstrap", "logging", "security"]));
  for (const name of stacks) {
    const stack = out.stack(name);
    for (const logging of ofType(stack, "aws_s3_bucket_logging")) {
      const targetPolicy = withArgument(
        stack,
        "aws_s3_bucket_policy",
        "bucket",
        logging.body.target_bucket,
      );
      expect(targetPolicy).toBeDefined();
      expect(dependsOn(stack, address(logging), address(targetPolicy!))).toBe(true);
    }
  }
});

test("the organization trail waits for its bucket policy, topic policy and log role's policy", () => {
  const stack = out.stack("logging");
  const [trail] = ofType(stack, "aws_cloudtrail");
  const bucket = ofType(stack, "aws_s3_bucket").find(
    (r) => r.body.bucket === trail.body.s3_bucket_name,
  )!;
  const bucketPolicy = withArgument(
    stack,
    "aws_s3_bucket_policy",
    "bucket",
    `\${${address(bucket)}.id}`,
  )!;
  const topicPolicy = withArgument(
    stack,
    "aws_sns_topic_policy",
    "arn",
    trail.body.sns_topic_name.replace(/\.name\}$/, ".arn}"),
  )!;
  const role = trail.body.cloud_watch_logs_role_arn.replace(/^\$\{(.*)\.arn\}$/, "$1");
  const rolePolicy = withArgument(stack, "aws_iam_role_policy", "role", `\${${role}.id}`)!;
  for (const prerequisite of [bucketPolicy, topicPolicy, rolePolicy]) {
    expect(prerequisite).toBeDefined();
    expect(dependsOn(stack, address(trail), address(prerequisite))).toBe(true);
  }
});

test("organization policies wait for the organization that enables their types", () => {
  const stack = out.stack("organization");
  const [organization] = ofType(stack, "aws_organizations_organization");
  const policies = ofType(stack, "aws_organizations_policy");
  expect(policies.length).toBeGreaterThan(5);
  for (const policy of policies)
    expect(dependsOn(stack, address(policy), address(organization))).toBe(true);
});

test("a service-linked role named as a policy principal is created in the same stack first", () => {
  // IAM, S3 and KMS refuse a principal that doesn't exist; a literal role ARN states no order.
  for (const name of Object.keys(out.manifest.stacks)) {
    const text = JSON.stringify(out.stack(name).resource ?? {});
    expect({
      stack: name,
      literal: text.match(/arn:[^"\\]*:role\/aws-service-role\/[^"\\]*/g),
    }).toEqual({
      stack: name,
      literal: null,
    });
  }
  const security = out.stack("security");
  const [reports] = ofType(security, "aws_iam_service_linked_role").filter(
    (role) => role.body.aws_service_name === "reports.backup.amazonaws.com",
  );
  const arn = `\${${address(reports)}.arn}`;
  const naming = resourcesOf(security).filter(
    (r) =>
      ["aws_kms_key", "aws_s3_bucket_policy"].includes(r.type) &&
      JSON.stringify(r.body).includes(arn),
  );
  expect(naming.map((r) => r.type).sort()).toEqual(["aws_kms_key", "aws_s3_bucket_policy"]);
});

test("every role a trust policy names is created by a stack that deploys before the role that trusts it", () => {
  // IAM refuses a trust policy whose principal doesn't exist (MalformedPolicyDocument).
  const created = new Map<string, string>();
  for (const name of Object.keys(out.manifest.stacks))
    for (const role of ofType(out.stack(name), "aws_iam_role")) created.set(role.body.name, name);
  const dependsOnStack = (stack: string, on: string): boolean =>
    stack === on ||
    out.manifest.stacks[stack].dependencies.some((next: string) => dependsOnStack(next, on));
  const problems: string[] = [];
  for (const name of Object.keys(out.manifest.stacks)) {
    for (const role of ofType(out.stack(name), "aws_iam_role")) {
      for (const statement of JSON.parse(role.body.assume_role_policy).Statement) {
        for (const principal of [statement.Principal.AWS ?? []].flat()) {
          const roleName = /:role\/(.+)$/.exec(principal)?.[1];
          if (!roleName) continue;
          const owner = created.get(roleName);
          if (!owner || !dependsOnStack(name, owner))
            problems.push(
              `${name}/${role.body.name} trusts ${principal} (${owner ? `created by ${owner}, which ${name} doesn't follow` : "created nowhere"})`,
            );
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
