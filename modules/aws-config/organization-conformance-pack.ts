import { ConfigOrganizationConformancePack } from "@cdktf/provider-aws/lib/config-organization-conformance-pack";
import type { TerraformResource } from "cdktf";
import { Construct } from "constructs";
import { stringify } from "yaml";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { ManagedConfigRule } from "./soc2-config-rules";

export const CONFORMANCE_PACK_CONTROL = defineControl({
  id: "config-conformance-pack",
  description:
    "AWS managed Config rules for SOC 2 evaluate every account continuously, and their results aggregate in the audit account",
  criteria: ["CC4.1", "CC4.2", "CC7.1", "CC3.4"],
});

/** CloudFormation resource names: letters and digits only. */
const resourceName = (identifier: string) =>
  identifier
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");

/** The conformance pack template, as YAML, one AWS::Config::ConfigRule per managed rule. */
export function conformancePackTemplate(rules: readonly ManagedConfigRule[]): string {
  const resources = Object.fromEntries(
    rules.map((rule) => [
      resourceName(rule.identifier),
      {
        Type: "AWS::Config::ConfigRule",
        Properties: {
          ConfigRuleName: rule.identifier.toLowerCase().replaceAll("_", "-"),
          Source: { Owner: "AWS", SourceIdentifier: rule.identifier },
          ...(rule.parameters ? { InputParameters: { ...rule.parameters } } : {}),
        },
      },
    ]),
  );
  return stringify({ Resources: resources });
}

export interface OrganizationConformancePackProps {
  readonly name: string;
  readonly rules: readonly ManagedConfigRule[];
  /** Registrations the pack needs first: the delegated administrator for Config. */
  readonly dependsOn?: readonly TerraformResource[];
}

/** One conformance pack deployed to every account of the organization. */
export class OrganizationConformancePack extends Construct {
  constructor(scope: Construct, id: string, props: OrganizationConformancePackProps) {
    super(scope, id);
    implementsControl(this, CONFORMANCE_PACK_CONTROL);
    const identifiers = props.rules.map((rule) => rule.identifier);
    const duplicate = identifiers.find(
      (identifier, index) => identifiers.indexOf(identifier) !== index,
    );
    if (duplicate)
      throw new Error(`Config rule ${duplicate} is listed twice in the conformance pack`);
    new ConfigOrganizationConformancePack(this, "pack", {
      name: props.name,
      templateBody: conformancePackTemplate(props.rules),
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
  }
}
