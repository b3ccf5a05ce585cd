import {
  ConfigServiceClient,
  paginateDescribeConformancePackCompliance,
  paginateDescribeConformancePacks,
  paginateGetConformancePackComplianceDetails,
} from "@aws-sdk/client-config-service";
import type { ClientPool } from "../aws-access";
import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";
import { soc2ConformancePackName } from "../../../contracts/resource-names";

async function readPacks(clients: ClientPool, region: string) {
  const client = clients.client(ConfigServiceClient, region);
  const names: string[] = [];
  for await (const page of paginateDescribeConformancePacks({ client }, {}))
    names.push(...(page.ConformancePackDetails ?? []).map((pack) => pack.ConformancePackName!));
  const packs = [];
  for (const name of names) {
    const rules = [];
    for await (const page of paginateDescribeConformancePackCompliance(
      { client },
      { ConformancePackName: name },
    ))
      rules.push(
        ...(page.ConformancePackRuleComplianceList ?? []).map((rule) => ({
          rule: rule.ConfigRuleName ?? "",
          compliance: rule.ComplianceType ?? "INSUFFICIENT_DATA",
        })),
      );
    const nonCompliantResources = [];
    for await (const page of paginateGetConformancePackComplianceDetails(
      { client },
      { ConformancePackName: name, Filters: { ComplianceType: "NON_COMPLIANT" } },
    ))
      nonCompliantResources.push(
        ...(page.ConformancePackRuleEvaluationResults ?? []).map((result) => {
          const qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
          return {
            rule: qualifier?.ConfigRuleName ?? "",
            resourceType: qualifier?.ResourceType ?? "",
            resourceId: qualifier?.ResourceId ?? "",
            recorded: result.ResultRecordedTime?.toISOString() ?? null,
            annotation: result.Annotation ?? null,
          };
        }),
      );
    packs.push({ name, rules, nonCompliantResources });
  }
  return packs;
}

/**
 * AWS Config conformance packs in every account and governed region: each rule's compliance and
 * every non-compliant resource. A region without the landing zone's SOC 2 pack is flagged, as is
 * each non-compliant rule.
 */
export const CONFIG_CONFORMANCE_PACKS: EvidenceCheck = {
  id: "aws-config-conformance",
  title:
    "AWS Config conformance-pack compliance per account and region, with the non-compliant resources",
  criteria: ["CC4.1", "CC4.2", "CC7.1", "CC3.4"],
  covers: "collection time",
  async collect(run: EvidenceRun) {
    const soc2Pack = soc2ConformancePackName(run.config.organization.config.resourcePrefix);
    // An organization pack shows in each member account as OrgConformsPack-<name>-<suffix>.
    const isSoc2Pack = (name: string) =>
      name === soc2Pack || name.startsWith(`OrgConformsPack-${soc2Pack}-`);
    const units = await run.eachAccountRegion(this.id, ({ clients, region }) =>
      readPacks(clients, region),
    );
    const flags: Flag[] = [];
    for (const { account, region, value: packs } of units) {
      if (!packs.some((pack) => isSoc2Pack(pack.name)))
        flags.push(flagFor(account, `no ${soc2Pack} conformance pack`, region));
      for (const pack of packs)
        for (const rule of pack.rules.filter((r) => r.compliance === "NON_COMPLIANT")) {
          const resources = pack.nonCompliantResources.filter((r) => r.rule === rule.rule).length;
          flags.push(
            flagFor(
              account,
              `${pack.name}: ${rule.rule} is non-compliant (${resources} resource${resources === 1 ? "" : "s"})`,
              region,
            ),
          );
        }
    }
    const rules = units.flatMap(({ value }) => value.flatMap((pack) => pack.rules));
    return {
      summary: {
        accountRegions: units.length,
        packs: units.reduce((sum, { value }) => sum + value.length, 0),
        compliantRules: rules.filter((rule) => rule.compliance === "COMPLIANT").length,
        nonCompliantRules: rules.filter((rule) => rule.compliance === "NON_COMPLIANT").length,
        nonCompliantResources: units.reduce(
          (sum, { value }) =>
            sum + value.reduce((count, pack) => count + pack.nonCompliantResources.length, 0),
          0,
        ),
      },
      flags,
      results: {
        accounts: units.map(({ account, region, value }) => ({
          account: account.name,
          accountId: account.id,
          region,
          conformancePacks: value,
        })),
      },
    };
  },
};
