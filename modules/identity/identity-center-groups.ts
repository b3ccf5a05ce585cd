import { DataAwsIdentitystoreGroup } from "@cdktf/provider-aws/lib/data-aws-identitystore-group";
import { IdentitystoreGroup } from "@cdktf/provider-aws/lib/identitystore-group";
import { Construct } from "constructs";
import { constructIdOf } from "../terraform/construct-id";

/** A group, by its display name. */
export interface IdentityCenterGroup {
  readonly name: string;
  /** @default no description */
  readonly description?: string;
}

export interface IdentityCenterGroupsProps {
  readonly identityStoreId: string;
  readonly groups: readonly IdentityCenterGroup[];
  /** identity-store: create the groups; external-idp: look up the groups SCIM synced, by name. */
  readonly source: "identity-store" | "external-idp";
}

/**
 * Groups that access is granted to. Groups the landing zone creates can't be destroyed by
 * accident: their memberships would go with them.
 */
export class IdentityCenterGroups extends Construct {
  private readonly ids = new Map<string, string>();

  constructor(scope: Construct, id: string, props: IdentityCenterGroupsProps) {
    super(scope, id);
    for (const group of props.groups) {
      const constructId = constructIdOf(group.name);
      if (props.source === "identity-store") {
        const created = new IdentitystoreGroup(this, constructId, {
          identityStoreId: props.identityStoreId,
          displayName: group.name,
          description: group.description || undefined,
          lifecycle: { preventDestroy: true },
        });
        this.ids.set(group.name, created.groupId);
      } else {
        const synced = new DataAwsIdentitystoreGroup(this, constructId, {
          identityStoreId: props.identityStoreId,
          alternateIdentifier: {
            uniqueAttribute: { attributePath: "DisplayName", attributeValue: group.name },
          },
        });
        this.ids.set(group.name, synced.groupId);
      }
    }
  }

  idOf(name: string): string {
    const id = this.ids.get(name);
    if (id === undefined)
      throw new Error(`No group "${name}"; known: ${[...this.ids.keys()].join(", ")}`);
    return id;
  }
}
