/**
 * Every policy document in every synthesized stack, checked against AWS's grammar for its kind
 * by an independent validator (@cloud-copilot/iam-policy, AGPL, a dev dependency used only in
 * tests). IAM refuses a malformed document only at apply time (a trust policy with a Resource:
 * `MalformedPolicyDocument: Has prohibited field Resource`), so a plan would never show it.
 */
import {
  validateIdentityPolicy,
  validateResourceControlPolicy,
  validateResourcePolicy,
  validateServiceControlPolicy,
  validateTrustPolicy,
} from "@cloud-copilot/iam-policy";
import type { ValidationError } from "@cloud-copilot/iam-policy";
import { exampleSynth } from "../../helpers/example-synth";
import { editedExample } from "../../helpers/example-config";
import { synthLandingZone } from "../../helpers/synth";
import type { StackJson, SynthOutput } from "../../helpers/synth-output";

const VALIDATORS = {
  trust: validateTrustPolicy,
  identity: validateIdentityPolicy,
  resource: validateResourcePolicy,
  "service-control": validateServiceControlPolicy,
  "resource-control": validateResourceControlPolicy,
} satisfies Record<string, (document: unknown) => ValidationError[]>;

type PolicyKind = keyof typeof VALIDATORS;
/** A policy-bearing attribute whose content is another grammar than IAM's. */
type Classification = PolicyKind | "not-iam-grammar";

/** The grammar of each policy-bearing attribute, by `<resource type>.<attribute>`. */
const KIND_BY_ATTRIBUTE: Record<string, Classification> = {
  "aws_iam_role.assume_role_policy": "trust",
  "aws_iam_role_policy.policy": "identity",
  "aws_iam_policy.policy": "identity",
  "aws_ssoadmin_permission_set_inline_policy.inline_policy": "identity",
  "aws_s3_bucket_policy.policy": "resource",
  "aws_kms_key.policy": "resource",
  "aws_sns_topic_policy.policy": "resource",
  "aws_backup_vault_policy.policy": "resource",
  "aws_cloudwatch_log_resource_policy.policy_document": "resource",
};

/** Organization policies share one attribute; their `type` says which grammar the content has. */
const KIND_BY_ORGANIZATION_POLICY_TYPE: Record<string, Classification> = {
  SERVICE_CONTROL_POLICY: "service-control",
  RESOURCE_CONTROL_POLICY: "resource-control",
  // Tag and backup policies are JSON of their own (inheritance operators, no Statement).
  TAG_POLICY: "not-iam-grammar",
  BACKUP_POLICY: "not-iam-grammar",
};

/**
 * Terraform fills these in at apply time; the validator needs a literal. Each reference becomes
 * a value of the shape AWS will see there (an ARN of that resource type, a 12-digit account id,
 * an organization id), so a check that reads ARNs or ids sees what it would in AWS. A reference
 * with no entry fails the test: decide what it stands for before it reaches a policy.
 */
const PLACEHOLDERS: readonly [RegExp, string][] = [
  [
    /^aws_iam_openid_connect_provider\.[\w-]+\.arn$/,
    "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
  ],
  [/^aws_sns_topic\.[\w-]+\.arn$/, "arn:aws:sns:us-east-1:111122223333:placeholder-topic"],
  [
    /^aws_iam_service_linked_role\.[\w-]+\.arn$/,
    "arn:aws:iam::123456789012:role/aws-service-role/reports.backup.amazonaws.com/AWSServiceRoleForBackupReports",
  ],
  [/^aws_organizations_organization\.[\w-]+\.id$/, "o-a1b2c3d4e5"],
  // Ids published by the environment and organization stacks, read through remote state.
  [/^data\.terraform_remote_state\.[\w-]+\.outputs\.account-id-[\w-]+$/, "123456789012"],
  [
    /^data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-aws_organizations_account[\w-]*id$/,
    "123456789012",
  ],
  [
    /^data\.terraform_remote_state\.[\w-]+\.outputs\.cross-stack-output-aws_organizations_organization[\w-]*id$/,
    "o-a1b2c3d4e5",
  ],
];

function resolveInterpolations(value: string, where: string): string {
  // `$${` is Terraform's escape for a literal `${` (an IAM policy variable): leave it.
  return value.replace(/(?<!\$)\$\{([^}]*)\}/g, (_, expression: string) => {
    const match = PLACEHOLDERS.find(([pattern]) => pattern.test(expression));
    if (!match) throw new Error(`${where}: no placeholder for \${${expression}}; add one`);
    return match[1];
  });
}

interface PolicyAttribute {
  /** `<stack>/<resource type>.<name>.<attribute path>`, for messages. */
  readonly where: string;
  /** `<resource type>.<attribute path>`, the key of KIND_BY_ATTRIBUTE. */
  readonly attribute: string;
  readonly resource: StackJson;
  readonly value: string;
}

function parsesAsStatementObject(value: string): boolean {
  try {
    const parsed = JSON.parse(value);
    return typeof parsed === "object" && parsed !== null && "Statement" in parsed;
  } catch {
    return false;
  }
}

/** Every attribute, at any depth of any block, that looks like it holds a policy document. */
function policyAttributes(stackName: string, stack: StackJson): PolicyAttribute[] {
  const found: PolicyAttribute[] = [];
  const visit = (
    value: unknown,
    path: string,
    owner: { type: string; name: string; body: StackJson },
  ) => {
    if (typeof value === "string") {
      const key = path.split(".").pop()!.replace(/\[\]$/, "");
      if (/policy$/i.test(key) || parsesAsStatementObject(value))
        found.push({
          where: `${stackName}/${owner.type}.${owner.name}.${path}`,
          attribute: `${owner.type}.${path}`,
          resource: owner.body,
          value,
        });
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, `${path}[]`, owner);
    } else if (typeof value === "object" && value !== null) {
      for (const [key, child] of Object.entries(value))
        visit(child, path ? `${path}.${key}` : key, owner);
    }
  };
  for (const [section, blocks] of Object.entries(stack)) {
    if (section === "resource" || section === "data") {
      const prefix = section === "data" ? "data." : "";
      for (const [type, byName] of Object.entries(blocks as StackJson))
        for (const [name, body] of Object.entries(byName as StackJson))
          visit(body, "", { type: `${prefix}${type}`, name, body });
    } else {
      // Providers, outputs, locals: a policy there (a provider's session policy) needs a kind too.
      visit(blocks, "", { type: section, name: "-", body: blocks });
    }
  }
  return found;
}

function classify(policy: PolicyAttribute): Classification | undefined {
  if (policy.attribute === "aws_organizations_policy.content")
    return KIND_BY_ORGANIZATION_POLICY_TYPE[policy.resource.type];
  return KIND_BY_ATTRIBUTE[policy.attribute];
}

interface GrammarReport {
  readonly checked: Record<PolicyKind, number>;
  readonly unclassified: string[];
  readonly findings: string[];
}

function checkGrammar(out: SynthOutput): GrammarReport {
  const checked = {
    trust: 0,
    identity: 0,
    resource: 0,
    "service-control": 0,
    "resource-control": 0,
  };
  const unclassified: string[] = [];
  const findings: string[] = [];
  for (const stackName of Object.keys(out.manifest.stacks).sort()) {
    for (const policy of policyAttributes(stackName, out.stack(stackName))) {
      const kind = classify(policy);
      if (kind === undefined) unclassified.push(policy.where);
      if (kind === undefined || kind === "not-iam-grammar") continue;
      checked[kind]++;
      const document = JSON.parse(resolveInterpolations(policy.value, policy.where));
      for (const error of VALIDATORS[kind](document))
        findings.push(`${policy.where} (${kind}) ${error.path}: ${error.message}`);
    }
  }
  return { checked, unclassified, findings };
}

describe("the example organization", () => {
  let report: GrammarReport;
  beforeAll(() => {
    report = checkGrammar(exampleSynth());
  });

  test("every policy-bearing attribute has a known kind", () => {
    expect(report.unclassified).toEqual([]);
  });

  test("every policy document follows AWS's grammar for its kind", () => {
    expect(report.findings).toEqual([]);
  });

  test("the scan reaches policies of every kind", () => {
    for (const [kind, count] of Object.entries(report.checked))
      expect({ kind, reached: count > 0 }).toEqual({ kind, reached: true });
  });
});

/**
 * What the example leaves out: a created (not imported) organization, whose id then reaches the
 * RCPs, key, bucket and topic policies as a Terraform reference; the pipeline's deploy role as
 * the member role; Identity Center delegated to a core account, with groups from an external
 * IdP. The example already writes every other policy: `backupReporting: report-plan` is the
 * setting with policies (`organization-policy` drops the report plans, their key and bucket).
 */
describe("a variant with every optional feature on", () => {
  let report: GrammarReport;
  beforeAll(() => {
    const configDir = editedExample([
      ["organization.yaml", "existingOrganizationId: o-k7q2mz4x9a\n", ""],
      // The example reaches member accounts through the deploy role; the variant, the access role.
      ["organization.yaml", "memberRole: deploy", "memberRole: access"],
      [
        "identity.yaml",
        "groupSource: identity-store",
        "delegatedAdministrator: shared-services\ngroupSource: external-idp",
      ],
    ]);
    report = checkGrammar(synthLandingZone(configDir));
  });

  test("every policy-bearing attribute has a known kind", () => {
    expect(report.unclassified).toEqual([]);
  });

  test("every policy document follows AWS's grammar for its kind", () => {
    expect(report.findings).toEqual([]);
  });
});
