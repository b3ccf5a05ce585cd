import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { IConstruct } from "constructs";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { findControls } from "../controls/control";
import type { Finding, SynthesizedStack } from "../rules/evaluate-rules";
import type { Rule } from "../rules/rule";
import { buildAccessMatrix, renderAccessMatrix, renderAccessReviewCsv } from "./access-matrix";
import { buildControlMatrix, renderControlMatrix, toControlMatrixJson } from "./control-matrix";
import {
  buildPolicyInventory,
  renderOrganizationDiagram,
  renderPolicyInventory,
} from "./organization-inventory";
import { conformancePackRules } from "../../modules/aws-config/soc2-config-rules";
import { renderConfigRules } from "./config-rules";
import { buildRuleResults, renderRuleResults, unusedSuppressions } from "./rule-results";
import { accountOfProvider } from "./stack-locations";
import { controlPlacementsWithClones, providerPlacementsWithClones } from "./cloned-placements";
import type { CloneDerivations } from "../clone-derivations";
import { findProviderAccounts } from "../../modules/terraform/provider-account";
import { markdownTable } from "./markdown-table";
import { heldBaselines } from "../../config/model/held-baselines";
import { renderHeldBaselines } from "./held-baselines";
import { buildNetworkInventory, renderNetworkInventory } from "./network-inventory";
import {
  buildAccountVendingInventory,
  renderAccountVendingInventory,
} from "./account-vending-inventory";

const EVIDENCE_DIR = "evidence";

export interface EvidenceInput {
  readonly app: IConstruct;
  /** How the cloned baselines' controls, providers and resources follow from their templates'. */
  readonly derivations: CloneDerivations;
  readonly config: LandingZoneConfig;
  readonly stacks: readonly SynthesizedStack[];
  readonly rules: readonly Rule[];
  readonly findings: readonly Finding[];
}

/** Writes the evidence pack into <outdir>/evidence, as Markdown for people and JSON for machines. */
export function writeEvidence(outdir: string, input: EvidenceInput): void {
  const dir = join(outdir, EVIDENCE_DIR);
  mkdirSync(dir, { recursive: true });
  const { config } = input;
  const ruleResults = buildRuleResults(input.rules, input.findings);
  const controlMatrix = buildControlMatrix(
    config.organization.config.compliance,
    controlPlacementsWithClones(findControls(input.app), input.derivations),
    input.stacks,
    accountOfProvider(
      config,
      providerPlacementsWithClones(findProviderAccounts(input.app), input.derivations),
    ),
    ruleResults,
    input.derivations,
  );
  const policyInventory = buildPolicyInventory(config);
  const accessMatrix = buildAccessMatrix(config);
  const write = (name: string, markdown: string, json?: unknown) => {
    writeFileSync(join(dir, `${name}.md`), markdown);
    if (json !== undefined)
      writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  };
  write(
    "control-matrix",
    renderControlMatrix(controlMatrix),
    toControlMatrixJson(
      controlMatrix,
      input.stacks.map((stack) => stack.name),
    ),
  );
  const unused = unusedSuppressions(
    config.organization.config.compliance.suppressions,
    input.findings,
  );
  write("rule-results", renderRuleResults(ruleResults, unused), {
    rules: ruleResults,
    unusedSuppressions: unused,
  });
  write("policy-inventory", renderPolicyInventory(policyInventory), policyInventory);
  write("access-matrix", renderAccessMatrix(accessMatrix), accessMatrix);
  writeFileSync(join(dir, "access-review.csv"), renderAccessReviewCsv(accessMatrix));
  write("organization-diagram", renderOrganizationDiagram(config, policyInventory));
  const configRules = conformancePackRules(
    config.organization.config.compliance,
    config.organization.config.securityServices.additionalConfigRules,
  );
  write("config-rules", renderConfigRules(configRules), configRules);
  const held = heldBaselines(config);
  write("held-baselines", renderHeldBaselines(held), held);
  const networkInventory = buildNetworkInventory(config);
  write("network-inventory", renderNetworkInventory(networkInventory), networkInventory);
  const vending = buildAccountVendingInventory(config);
  write("account-vending-inventory", renderAccountVendingInventory(vending), vending);

  const withStatus = (status: string) =>
    controlMatrix.filter((criterion) => criterion.status === status).length;
  const exceptions = ruleResults.reduce((sum, result) => sum + result.exceptions.length, 0);
  write(
    "README",
    [
      `# SOC 2 evidence: ${config.organization.config.name}`,
      "",
      `- Commit: \`${currentCommit()}\``,
      `- Config hash (SHA-256 of the config files): \`${configHash(config.sourceDir)}\``,
      `- Criteria in scope: ${controlMatrix.length}; served by technical controls or guardrail rules: ${withStatus("technical")}; inherited from AWS: ${withStatus("inherited")}; organizational only: ${withStatus("organizational")}; gaps: ${withStatus("gap")}`,
      `- Guardrail rules: ${ruleResults.length}; violations: 0 (synth fails on any); exceptions: ${exceptions}`,
      "",
      ...markdownTable(
        ["document", "what it shows"],
        [
          [
            "[control-matrix.md](control-matrix.md) ([json](control-matrix.json))",
            "criteria, controls and the resources that implement them, grouped by stack, account and region in the JSON",
          ],
          [
            "[rule-results.md](rule-results.md) ([json](rule-results.json))",
            "guardrail rule results and justified exceptions",
          ],
          [
            "[policy-inventory.md](policy-inventory.md) ([json](policy-inventory.json))",
            "organization policies per OU and account, the management account included",
          ],
          [
            "[access-matrix.md](access-matrix.md) ([json](access-matrix.json), [csv](access-review.csv))",
            "groups, permission sets and accounts; the CSV is the quarterly access review sheet",
          ],
          [
            "[organization-diagram.md](organization-diagram.md)",
            "the management account, OUs, accounts and policy attachments",
          ],
          [
            "[config-rules.md](config-rules.md) ([json](config-rules.json))",
            "AWS Config rules in the SOC 2 conformance pack, with the criteria each supports",
          ],
          [
            "[held-baselines.md](held-baselines.md) ([json](held-baselines.json))",
            "account baselines left out while the account is quarantined or closing, and why",
          ],
          [
            "[network-inventory.md](network-inventory.md) ([json](network-inventory.json))",
            "each workload account's VPC per region (addressing, zones, public subnets, endpoints, flow and DNS query logs), accounts without one and why, and every account's default VPCs",
          ],
          [
            "[account-vending-inventory.md](account-vending-inventory.md) ([json](account-vending-inventory.json))",
            "each account's alternate contacts, budget and opt-in regions, and the organization's cost anomaly detection",
          ],
        ],
      ),
      "",
    ].join("\n"),
  );
}

/** The commit the evidence describes, flagged when tracked files differ from it. */
function currentCommit(): string {
  const git = (...args: string[]) =>
    execFileSync("git", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const commit = git("rev-parse", "HEAD");
    const clean = git("status", "--porcelain", "--untracked-files=no") === "";
    return clean ? commit : `${commit} + uncommitted changes`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function configHash(dir: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir)
    .filter((file) => [".yaml", ".yml"].includes(extname(file)))
    .sort()) {
    hash.update(`${name}\0${readFileSync(join(dir, name), "utf8")}\0`);
  }
  return hash.digest("hex");
}
