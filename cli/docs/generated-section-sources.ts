import { gapTable } from "../../aws-harness/emulator/gap-table";
import { EMULATOR_GAPS } from "../../aws-harness/emulator/emulator-gaps";
import { RULE_PACK } from "../../compliance/rules/rule-pack";
import { JSON_SCHEMA_FILES, toJsonSchema } from "../../config/schema/json-schemas";
import { benchFigures } from "./bench-figures";
import { benchSummary } from "./bench-summary";
import { configReferenceTable } from "./config-reference";
import { ruleTable } from "./rule-table";

const configReference = (file: keyof typeof JSON_SCHEMA_FILES) => () =>
  configReferenceTable(toJsonSchema(JSON_SCHEMA_FILES[file]));

/**
 * Every generated section of the documentation, by name, with the source it is rendered from.
 * Each must appear in some page (`<!-- generated:NAME -->`); `npm run docs` rewrites them all.
 */
export const GENERATED_SECTIONS: Readonly<Record<string, () => readonly string[]>> = {
  /** docs/configuration.md: the zod schema's descriptions, through the editors' JSON Schema. */
  "config-organization": configReference("organization.schema.json"),
  "config-environment": configReference("environment.schema.json"),
  "config-identity": configReference("identity.schema.json"),
  /** docs/guardrails.md: RULE_PACK. */
  "guardrail-rules": () => ruleTable(RULE_PACK),
  /** docs/proof-from-aws.md: the emulator gap list the harness works from. */
  "emulator-gaps": () => gapTable(EMULATOR_GAPS),
  /** docs/scale.md: bench/results/latest.md, as `npm run bench` last wrote it. */
  "bench-figures": () => benchFigures(),
  /** README.md: the targets of bench/results/latest.json, one line each. */
  "bench-summary": () => benchSummary(),
};
