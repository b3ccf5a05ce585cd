import { defineControl } from "../../compliance/controls/control";

export const PIPELINE_IDENTITY_CONTROL = defineControl({
  id: "change-pipeline-identity",
  description:
    "Only this repository's workflows reach AWS, through GitHub OIDC with no stored keys: pull requests plan read-only, and only main and approved environments apply",
  criteria: ["CC8.1", "CC6.1", "CC6.3"],
});
