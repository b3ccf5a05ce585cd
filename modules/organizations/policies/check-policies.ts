import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "../../../config/loader/config-problem";
import { didYouMean } from "../../../config/loader/did-you-mean";
import { listAccounts } from "../../../config/model/accounts";
import type { LandingZoneConfig } from "../../../config/model/landing-zone-config";
import { listOrganizationalUnits } from "../../../config/model/organizational-unit-paths";
import { ORGANIZATION_POLICY_TYPES } from "../service-access";
import { actionExists, conditionKeyExists, rcpServices } from "../../iam/iam-catalogue";
import { asList } from "../../../compliance/rules/policy-statements";
import {
  landingZonePolicies,
  LONGEST_ORGANIZATION_ID,
  renderPolicyContent,
  ROOT_TARGET,
} from "./landing-zone-policies";
import type { OrganizationPolicy, OrganizationPolicyType } from "./organization-policy";

type Statement = {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
};

/**
 * Checks every organization policy against AWS's limits and catalogue before anything is
 * synthesized: size as submitted, policies per target, real actions and condition keys, RCP
 * grammar, enabled policy types, and attachments that name real policies and targets.
 */
export async function checkOrganizationPolicies(
  config: LandingZoneConfig,
): Promise<ConfigProblem[]> {
  const { file, config: organization } = config.organization;
  const { guardrails } = organization;
  const customProblems = guardrails.customPolicies.flatMap((policy, index): ConfigProblem[] => {
    const path = ["guardrails", "customPolicies", index, "file"];
    const location = join(config.sourceDir, policy.file);
    if (!existsSync(location)) {
      return [
        {
          file,
          path,
          message: "does not exist beside organization.yaml",
          received: policy.file,
          fix: "Create the JSON file or correct the name.",
        },
      ];
    }
    try {
      JSON.parse(readFileSync(location, "utf8"));
      return [];
    } catch (error) {
      return [
        {
          file,
          path,
          message: `is not JSON (${(error as Error).message})`,
          received: policy.file,
          fix: "Fix the policy document's syntax.",
        },
      ];
    }
  });
  if (customProblems.length > 0) return customProblems;

  const policies = landingZonePolicies(
    config,
    organization.existingOrganizationId ?? LONGEST_ORGANIZATION_ID,
  );
  const pathOf = (policy: OrganizationPolicy): PropertyKey[] => {
    const custom = guardrails.customPolicies.findIndex((entry) => entry.name === policy.name);
    if (custom >= 0) return ["guardrails", "customPolicies", custom];
    const backup = guardrails.backupPolicies.findIndex((entry) => entry.name === policy.name);
    if (backup >= 0) return ["guardrails", "backupPolicies", backup];
    return ["guardrails", "attachments", policy.name];
  };
  const problems: ConfigProblem[] = [];
  const report = (policy: OrganizationPolicy, message: string, received: unknown, fix: string) =>
    problems.push({
      file,
      path: pathOf(policy),
      message: `(policy ${policy.name}) ${message}`,
      received,
      fix,
    });

  const names = policies.map((policy) => policy.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index)
      report(
        policies[index],
        "is the name of another policy",
        name,
        "Give every policy its own name.",
      );
  });

  problems.push(...checkAttachments(config, names));
  const limits = guardrails.limits;
  const sizeLimit: Record<OrganizationPolicyType, number> = {
    SERVICE_CONTROL_POLICY: limits.serviceControlPolicyCharacters,
    RESOURCE_CONTROL_POLICY: limits.resourceControlPolicyCharacters,
    TAG_POLICY: limits.tagPolicyCharacters,
    BACKUP_POLICY: limits.backupPolicyCharacters,
  };
  const supportedByRcp = await rcpServices();
  for (const policy of policies) {
    const size = renderPolicyContent(policy).length;
    if (size > sizeLimit[policy.type]) {
      report(
        policy,
        `is longer than the ${sizeLimit[policy.type]} characters AWS allows for a ${policy.type}`,
        size,
        "Split it into two policies, or remove statements.",
      );
    }
    if (!(ORGANIZATION_POLICY_TYPES as readonly string[]).includes(policy.type)) {
      report(
        policy,
        `is a ${policy.type}, a type not enabled on the organization root`,
        policy.type,
        "Use an enabled type.",
      );
    }
    if (policy.type !== "SERVICE_CONTROL_POLICY" && policy.type !== "RESOURCE_CONTROL_POLICY")
      continue;
    const statements = asStatements(policy);
    for (const statement of statements) {
      for (const action of [...asList(statement.Action), ...asList(statement.NotAction)]) {
        if (!(await actionExists(action))) {
          report(
            policy,
            `names an action that isn't in AWS's service authorization reference`,
            action,
            "Correct the action name; a misspelled Deny protects nothing.",
          );
        }
      }
      for (const key of Object.values(statement.Condition ?? {}).flatMap((block) =>
        Object.keys(block),
      )) {
        if (!(await conditionKeyExists(key))) {
          report(
            policy,
            "uses a condition key that is neither global nor the service's own",
            key,
            "Correct the key; an unknown key never matches.",
          );
        }
      }
      if (policy.type === "RESOURCE_CONTROL_POLICY")
        checkRcpStatement(statement, supportedByRcp, (message, received, fix) =>
          report(policy, message, received, fix),
        );
    }
  }
  return problems;
}

function asStatements(policy: OrganizationPolicy): Statement[] {
  const statements = (policy.content as { Statement?: Statement | Statement[] }).Statement;
  return statements === undefined ? [] : Array.isArray(statements) ? statements : [statements];
}

function checkRcpStatement(
  statement: Statement,
  supported: ReadonlySet<string>,
  report: (message: string, received: unknown, fix: string) => void,
): void {
  if (statement.Effect !== "Deny")
    report("allows; RCPs may only deny", statement.Effect, 'Set "Effect": "Deny".');
  if (statement.Principal !== "*")
    report(
      'names a principal other than "*", which RCPs require',
      statement.Principal,
      'Set "Principal": "*" and narrow with conditions.',
    );
  if (statement.NotAction !== undefined)
    report(
      "uses NotAction, which RCPs don't support",
      statement.NotAction,
      "List the actions instead.",
    );
  for (const action of asList(statement.Action)) {
    const service = action.split(":")[0];
    if (action === "*" || !supported.has(service)) {
      report(
        "names a service that RCPs don't support",
        action,
        `Use actions of ${[...supported].slice(0, 6).join(", ")} and the other RCP-supported services.`,
      );
    }
  }
}

function checkAttachments(
  config: LandingZoneConfig,
  policyNames: readonly string[],
): ConfigProblem[] {
  const { file, config: organization } = config.organization;
  const { guardrails } = organization;
  const targets = [
    ROOT_TARGET,
    ...listOrganizationalUnits(organization.organizationalUnits).map((entry) => entry.path),
    ...listAccounts(config).map((account) => account.name),
  ];
  const problems: ConfigProblem[] = [];
  const perTarget = new Map<string, { scp: number; rcp: number }>();
  const typeOf = new Map(
    landingZonePolicies(config, LONGEST_ORGANIZATION_ID).map((policy) => [
      policy.name,
      policy.type,
    ]),
  );
  for (const [name, attachedTo] of Object.entries(guardrails.attachments)) {
    if (!policyNames.includes(name)) {
      problems.push({
        file,
        path: ["guardrails", "attachments", name],
        message: "is not a policy the landing zone builds",
        received: name,
        fix: `${didYouMean(name, policyNames)}rcp-data-perimeter needs dataPerimeter: true and tag-policy a tagPolicy section. Policies: ${policyNames.join(", ")}.`,
      });
      continue;
    }
    attachedTo.forEach((target, index) => {
      if (!targets.includes(target)) {
        problems.push({
          file,
          path: ["guardrails", "attachments", name, index],
          message: "is not Root, an OU path or an account name",
          received: target,
          fix: `${didYouMean(target, targets)}Attach to ${ROOT_TARGET}, an OU path such as Workloads/Production, or an account name.`,
        });
        return;
      }
      // AWS attaches FullAWSAccess / RCPFullAWSAccess to every target; they count toward the quota.
      const counts = perTarget.get(target) ?? { scp: 1, rcp: 1 };
      if (typeOf.get(name) === "SERVICE_CONTROL_POLICY") counts.scp++;
      if (typeOf.get(name) === "RESOURCE_CONTROL_POLICY") counts.rcp++;
      perTarget.set(target, counts);
    });
  }
  for (const [target, counts] of perTarget) {
    const over = [
      {
        kind: "service control policies",
        count: counts.scp,
        limit: guardrails.limits.serviceControlPoliciesPerTarget,
      },
      {
        kind: "resource control policies",
        count: counts.rcp,
        limit: guardrails.limits.resourceControlPoliciesPerTarget,
      },
    ].filter((entry) => entry.count > entry.limit);
    for (const entry of over) {
      problems.push({
        file,
        path: ["guardrails", "attachments"],
        message: `attach ${entry.count} ${entry.kind} to ${target} (with AWS's full-access policy), over the limit of ${entry.limit}`,
        received: target,
        fix: "Attach some of them to a parent OU instead, or merge policies.",
      });
    }
  }
  return problems;
}
