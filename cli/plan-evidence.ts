import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { buildChangeRecord, protectedDestroys } from "../compliance/change-record/change-record";
import type {
  ChangeMetadata,
  ChangeRecord,
  CriteriaOf,
} from "../compliance/change-record/change-record";
import { parsePlan, PlanFormatError } from "../compliance/change-record/plan-json";
import { renderChangeRecord } from "../compliance/change-record/render-change-record";
import { fromControlMatrixJson } from "../compliance/evidence/control-matrix";
import type { ControlMatrixJson } from "../compliance/evidence/control-matrix";
import { RULE_PACK } from "../compliance/rules/rule-pack";
import {
  expiringSuppressions,
  securityHubTuningExceptions,
} from "../compliance/suppressions/expiring-suppressions";
import { ConfigError } from "../config/loader/config-problem";
import { DEFAULT_CONFIG_DIR, loadLandingZoneConfig } from "../config/loader/load-config";
import { reproducibleNow, reproducibleToday } from "./reproducible-time";
import { exitWithError, UserError } from "./user-error";

const USAGE =
  "usage: npm run plan-evidence -- <plan.json>... [--stack NAME] [--out DIR] [--fail-on-destroy]";

/** Exit code when --fail-on-destroy finds an unapproved deletion of a protected resource. */
export const EXIT_PROTECTED_DESTROY = 2;

/** `cdktf.out/stacks/<stack>/plan.json` names its stack; otherwise the file name does. */
export function stackNameOf(path: string): string {
  const parts = resolve(path).split(sep);
  const stacksIndex = parts.lastIndexOf("stacks");
  if (stacksIndex >= 0 && stacksIndex < parts.length - 2) return parts[stacksIndex + 1];
  return basename(path).replace(/(\.plan)?\.json$/, "");
}

/**
 * Criteria from the evidence's control matrix (which knows every address the landing zone
 * deploys), else from what the matrix and the rules say of the resource's type.
 */
function criteriaSource(outdir: string): CriteriaOf {
  const byType = new Map<string, Set<string>>();
  for (const rule of RULE_PACK) {
    for (const type of rule.appliesTo)
      byType.set(type, new Set([...(byType.get(type) ?? []), ...rule.criteria]));
  }
  const byAddress = new Map<string, Set<string>>();
  const matrixFile = join(outdir, "evidence", "control-matrix.json");
  if (existsSync(matrixFile)) {
    const matrix = fromControlMatrixJson(
      JSON.parse(readFileSync(matrixFile, "utf8")) as ControlMatrixJson,
    );
    for (const criterion of matrix) {
      for (const resource of criterion.controls.flatMap((control) => control.resources)) {
        const key = `${resource.stack}/${resource.address}`;
        byAddress.set(key, new Set([...(byAddress.get(key) ?? []), criterion.id]));
        // A type the landing zone deploys serves the same criteria wherever it appears.
        const type = resource.address.split(".")[0];
        byType.set(type, new Set([...(byType.get(type) ?? []), criterion.id]));
      }
    }
  }
  return (stack, change) =>
    [...(byAddress.get(`${stack}/${change.address}`) ?? byType.get(change.type) ?? [])].sort();
}

function ciMetadata(env: NodeJS.ProcessEnv): ChangeMetadata {
  const pullRequest = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? "")?.[1];
  return {
    repository: env.GITHUB_REPOSITORY,
    commit: env.GITHUB_SHA,
    pullRequest: pullRequest ? `#${pullRequest}` : undefined,
    author: env.GITHUB_ACTOR,
    runUrl:
      env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL ?? "https://github.com"}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    generatedAt: reproducibleNow(env).toISOString(),
  };
}

export function runPlanEvidence(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: "string" },
      stack: { type: "string" },
      "fail-on-destroy": { type: "boolean", default: false },
    },
  });
  if (positionals.length === 0) throw new UsageError(`no plan given\n${USAGE}`);
  if (values.stack && positionals.length > 1)
    throw new UsageError(`--stack names one plan, got ${positionals.length}\n${USAGE}`);
  if (values.out && existsSync(values.out) && !statSync(values.out).isDirectory())
    throw new UsageError(`--out ${values.out} is a file; name a folder for the change record`);
  const plans = positionals.map((path) => {
    if (!existsSync(path) || !statSync(path).isFile())
      throw new UsageError(
        `${path} ${existsSync(path) ? "is a folder" : "does not exist"}; pass files written by terraform show -json <planfile>`,
      );
    return {
      stack: values.stack ?? stackNameOf(path),
      plan: parsePlan(readFileSync(path, "utf8"), path),
    };
  });
  const config = loadLandingZoneConfig(env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR);
  const { compliance, securityServices } = config.organization.config;
  const record: ChangeRecord = {
    ...buildChangeRecord(plans, criteriaSource(env.CDKTF_OUTDIR || "cdktf.out"), ciMetadata(env)),
    expiringSuppressions: expiringSuppressions(
      [
        ...compliance.suppressions,
        ...securityHubTuningExceptions(securityServices.securityHub.disabledControls),
      ],
      reproducibleToday(env),
    ),
  };
  const markdown = renderChangeRecord(record);
  process.stdout.write(`${markdown}\n`);
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    writeFileSync(join(values.out, "change-record.md"), `${markdown}\n`);
    writeFileSync(join(values.out, "change-record.json"), `${JSON.stringify(record, null, 2)}\n`);
  }
  if (!values["fail-on-destroy"]) return 0;
  const approved = compliance.approvedDestroys;
  const blocked = protectedDestroys(record).filter(
    (destroy) =>
      !approved.some((entry) => entry.stack === destroy.stack && entry.address === destroy.address),
  );
  if (blocked.length === 0) return 0;
  process.stderr.write(
    `${blocked.length} protected resource${blocked.length === 1 ? "" : "s"} would be deleted without an approved exception:\n` +
      blocked.map((destroy) => `  - ${destroy.stack} ${destroy.address}`).join("\n") +
      "\nIf the deletion is intended, add it to compliance.approvedDestroys in organization.yaml (stack, address, approvedBy, reason) in a reviewed pull request.\n",
  );
  return EXIT_PROTECTED_DESTROY;
}

class UsageError extends UserError {}

if (require.main === module) {
  try {
    process.exitCode = runPlanEvidence(process.argv.slice(2), process.env);
  } catch (error) {
    exitWithError(error, [PlanFormatError, ConfigError]);
  }
}
