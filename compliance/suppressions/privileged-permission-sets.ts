import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { allowsEverything, readInlinePolicy } from "../../config/model/inline-policy";
import { STACK_NAMES } from "../../config/model/stack-names";
import type { SuppressionConfig } from "../../config/schema/compliance-schema";
import { permissionSetConstructId } from "../../modules/identity/permission-set";

/**
 * A permission set marked privileged in identity.yaml carries its own justification, so its
 * administrator-level policies are exceptions to LZ-IAM-001/002 rather than violations. They
 * show in the evidence with that justification; an unmarked set still fails the synth.
 */
export function privilegedPermissionSetSuppressions(
  config: LandingZoneConfig,
): SuppressionConfig[] {
  if (!config.identity) return [];
  return config.identity.config.permissionSets.flatMap((set): SuppressionConfig[] => {
    if (!set.privileged) return [];
    const prefix = `${STACK_NAMES.identity}/%s.${permissionSetConstructId(set.name)}_*`;
    const justification = `Privileged permission set ${set.name}: ${set.privileged.justification}`;
    const inline = readInlinePolicy(config.sourceDir, set);
    return [
      ...(set.managedPolicies.some((arn) => arn.endsWith(":policy/AdministratorAccess"))
        ? [
            {
              rule: "LZ-IAM-002",
              resource: prefix.replace("%s", "aws_ssoadmin_managed_policy_attachment"),
              justification,
            },
          ]
        : []),
      ...(inline.kind === "document" && allowsEverything(inline.document)
        ? [
            {
              rule: "LZ-IAM-001",
              resource: prefix.replace("%s", "aws_ssoadmin_permission_set_inline_policy"),
              justification,
            },
          ]
        : []),
    ];
  });
}
