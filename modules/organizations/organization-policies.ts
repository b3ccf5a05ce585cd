import type { OrganizationsOrganization } from "@cdktf/provider-aws/lib/organizations-organization";
import { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import { Construct } from "constructs";
import { constructIdOf } from "../terraform/construct-id";
import { organizationPolicyName } from "../../contracts/resource-names";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import type { OrganizationPolicy } from "./policies/organization-policy";
import { renderPolicyContent } from "./policies/landing-zone-policies";

export interface OrganizationPoliciesProps {
  /**
   * A policy can be created only in an organization that has its policy type enabled, which
   * nothing in the policy refers to.
   */
  readonly organization: OrganizationsOrganization;
  readonly policies: readonly {
    readonly policy: OrganizationPolicy;
    readonly targets: readonly string[];
  }[];
  /**
   * The id of a target this stack can attach to (root, OU or one of its accounts), or
   * undefined for targets another stack attaches (accounts it doesn't own).
   */
  readonly targetId: (target: string) => string | undefined;
  /** The resource-name prefix, so policies are recognisable in the console. */
  readonly namePrefix: string;
}

/**
 * Organization policies and the attachments this stack owns. Each policy is its own control, with
 * the criteria its builder declares.
 */
export class OrganizationPolicies extends Construct {
  private readonly byName = new Map<string, OrganizationsPolicy>();

  constructor(scope: Construct, id: string, props: OrganizationPoliciesProps) {
    super(scope, id);
    for (const { policy, targets } of props.policies) {
      const holder = new Construct(this, policy.name);
      if (policy.criteria.length > 0) {
        implementsControl(
          holder,
          defineControl({
            id: `policy-${policy.name}`,
            description: policy.description,
            criteria: policy.criteria,
          }),
        );
      }
      const resource = new OrganizationsPolicy(holder, "policy", {
        name: organizationPolicyName(props.namePrefix, policy.name),
        description: policy.description.slice(0, 512),
        type: policy.type,
        content: renderPolicyContent(policy),
        dependsOn: [props.organization],
      });
      this.byName.set(policy.name, resource);
      for (const target of targets) {
        const targetId = props.targetId(target);
        if (targetId === undefined) continue;
        new OrganizationsPolicyAttachment(holder, `attach-${constructIdOf(target)}`, {
          policyId: resource.id,
          targetId,
        });
      }
    }
  }

  /** The id of a policy, for attachments made in other stacks. */
  idOf(name: string): string {
    const policy = this.byName.get(name);
    if (!policy)
      throw new Error(
        `No organization policy named "${name}"; known: ${[...this.byName.keys()].join(", ")}`,
      );
    return policy.id;
  }
}
