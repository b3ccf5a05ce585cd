import {
  DescribePolicyCommand,
  OrganizationsClient,
  paginateListPolicies,
  paginateListTargetsForPolicy,
} from "@aws-sdk/client-organizations";
import type { PolicyType } from "@aws-sdk/client-organizations";
import type { ClientPool } from "../aws-access";
import { NOT_COLLECTED } from "../evidence-run";
import type { CheckResult, EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { ROOT_PATH } from "../organization-tree";
import { AWS_MANAGED_AT_ROOT, expectedPolicies, sameJson } from "./expected-policy-attachments";

interface AttachedPolicy {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly awsManaged: boolean;
  /** Target ids. */
  readonly targetIds: readonly string[];
}

async function readPolicies(
  clients: ClientPool,
  region: string,
  types: readonly string[],
): Promise<AttachedPolicy[]> {
  const client = clients.client(OrganizationsClient, region);
  const policies: AttachedPolicy[] = [];
  // Policy by policy, its targets: a few dozen calls, where target by target would take thousands.
  for (const type of types) {
    for await (const page of paginateListPolicies({ client }, { Filter: type as PolicyType })) {
      for (const summary of page.Policies ?? []) {
        const targetIds: string[] = [];
        for await (const targets of paginateListTargetsForPolicy(
          { client },
          { PolicyId: summary.Id },
        ))
          targetIds.push(...(targets.Targets ?? []).map((target) => target.TargetId!));
        policies.push({
          id: summary.Id!,
          name: summary.Name!,
          type,
          awsManaged: summary.AwsManaged ?? false,
          targetIds,
        });
      }
    }
  }
  return policies;
}

/**
 * Organization policies as attached in AWS, target by target, against what config attaches: an
 * attachment config doesn't make, one it makes that is missing, and a landing-zone policy whose
 * document differs from what config synthesizes are each flagged. AWS's allow-all policies are
 * expected at the root and ignored elsewhere (AWS attaches them to every new OU and account).
 */
export const ORGANIZATION_POLICIES: EvidenceCheck = {
  id: "organization-policies",
  title:
    "Organization policies attached to the root, each OU and each account, compared with config (policy drift)",
  criteria: ["CC6.1", "CC7.1", "CC8.1"],
  covers: "collection time",
  async collect(run: EvidenceRun): Promise<CheckResult> {
    const { tree } = run;
    const read = await run.inAccount(
      this.id,
      run.managementAccount,
      run.homeRegion,
      async ({ clients, region }) => {
        const policies = await readPolicies(clients, region, tree.enabledPolicyTypes);
        const expected = expectedPolicies(run.config, tree.id);
        const client = clients.client(OrganizationsClient, region);
        const contents = new Map<string, string>();
        for (const policy of policies.filter((p) => expected.some((e) => e.name === p.name))) {
          const { Policy: described } = await client.send(
            new DescribePolicyCommand({ PolicyId: policy.id }),
          );
          contents.set(policy.name, described?.Content ?? "");
        }
        return { policies, expected, contents };
      },
    );
    if (!read) return NOT_COLLECTED;
    const { policies, expected, contents } = read.value;

    const pathOf = new Map<string, string>([
      [tree.rootId, ROOT_PATH],
      ...tree.organizationalUnits.map((unit) => [unit.id, unit.path] as const),
      ...tree.accounts.map(
        (account) => [account.id, run.account(account.id)?.name ?? account.name] as const,
      ),
    ]);
    const idOf = new Map([...pathOf].map(([id, path]) => [path, id]));
    const kindOf = (id: string) =>
      id === tree.rootId ? "root" : id.startsWith("ou-") ? "organizational unit" : "account";
    const flags: Flag[] = [];

    const expectedAt = new Set<string>();
    for (const policy of expected) {
      if (!tree.enabledPolicyTypes.includes(policy.type))
        flags.push({
          issue: `${policy.type} is not enabled on the root, but config attaches ${policy.name}`,
        });
      const actual = policies.find((candidate) => candidate.name === policy.name);
      if (!actual) flags.push({ issue: `${policy.name} does not exist; config attaches it` });
      else if (!sameJson(contents.get(policy.name) ?? "", policy.content))
        flags.push({ issue: `${policy.name}'s document differs from the one config synthesizes` });
      for (const target of policy.targets) {
        expectedAt.add(`${target}\u0000${policy.name}`);
        const targetId = idOf.get(target);
        if (targetId === undefined)
          flags.push({
            issue: `config attaches ${policy.name} to ${target}, which is not in the organization`,
          });
        else if (actual && !actual.targetIds.includes(targetId))
          flags.push({ issue: `${policy.name} is not attached to ${target}; config attaches it` });
      }
    }
    for (const type of tree.enabledPolicyTypes) {
      const name = AWS_MANAGED_AT_ROOT[type];
      if (!name) continue;
      expectedAt.add(`${ROOT_PATH}\u0000${name}`);
      const atRoot = policies.some(
        (policy) => policy.name === name && policy.targetIds.includes(tree.rootId),
      );
      if (!atRoot)
        flags.push({
          issue: `${name} is not attached to the root: the deny-list guardrails rely on it`,
        });
    }
    for (const policy of policies.filter((candidate) => !candidate.awsManaged)) {
      for (const targetId of policy.targetIds) {
        const target = pathOf.get(targetId) ?? targetId;
        if (!expectedAt.has(`${target}\u0000${policy.name}`))
          flags.push({
            issue: `${policy.name} is attached to ${target} (${kindOf(targetId)}), which config doesn't do`,
          });
      }
    }

    const targets = [...pathOf].map(([id, target]) => {
      const attached = policies.filter((policy) => policy.targetIds.includes(id));
      return {
        target,
        kind: kindOf(id),
        id,
        attached: attached.map((policy) => ({
          name: policy.name,
          type: policy.type,
          awsManaged: policy.awsManaged,
          // AWS's allow-all policies are never drift; their absence from the root is.
          expected: policy.awsManaged || expectedAt.has(`${target}\u0000${policy.name}`),
        })),
        missing: expected
          .filter(
            (policy) =>
              policy.targets.includes(target) &&
              !attached.some((candidate) => candidate.name === policy.name),
          )
          .map((policy) => policy.name),
      };
    });
    return {
      summary: {
        policyTypesEnabled: tree.enabledPolicyTypes.join(", "),
        policies: policies.length,
        attachments: policies.reduce((sum, policy) => sum + policy.targetIds.length, 0),
        targets: targets.length,
        drift: flags.length,
      },
      flags,
      results: {
        organizationId: tree.id,
        policies: policies.map((policy) => ({
          name: policy.name,
          id: policy.id,
          type: policy.type,
          awsManaged: policy.awsManaged,
          inConfig: expected.some((candidate) => candidate.name === policy.name),
          document: contents.has(policy.name)
            ? sameJson(
                contents.get(policy.name)!,
                expected.find((candidate) => candidate.name === policy.name)!.content,
              )
              ? "matches config"
              : "differs from config"
            : "not compared",
          targets: policy.targetIds.map((id) => pathOf.get(id) ?? id),
        })),
        targets,
      },
    };
  },
};
