import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey as KmsKeyResource } from "@cdktf/provider-aws/lib/kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { renderPolicy } from "../iam/policy-document";
import type { PolicyDocument } from "../iam/policy-document";

const KMS_KEY_CONTROL = defineControl({
  id: "kms-customer-managed-key",
  description:
    "Data is encrypted with customer-managed keys that rotate yearly, have an explicit key policy and wait 30 days before deletion",
  criteria: ["CC6.1", "CC6.7", "C1.1"],
});

export interface KmsKeyProps {
  /** Alias without the alias/ prefix, such as nwh/terraform-state. */
  readonly alias: string;
  readonly description: string;
  readonly policy: PolicyDocument;
  /**
   * Days between scheduling deletion and deletion: the window in which a mistake can be undone.
   * @default 30, the most AWS allows
   */
  readonly deletionWindowInDays?: number;
  /** The provider of the account the key belongs to. @default the stack's */
  readonly provider?: TerraformProvider;
  /** The key's region. @default the provider's */
  readonly region?: string;
}

/** A customer-managed symmetric key with yearly rotation, which Terraform refuses to destroy. */
export class KmsKey extends Construct {
  readonly key: KmsKeyResource;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: KmsKeyProps) {
    super(scope, id);
    implementsControl(this, KMS_KEY_CONTROL);
    const deletionWindowInDays = props.deletionWindowInDays ?? 30;
    if (
      !Number.isInteger(deletionWindowInDays) ||
      deletionWindowInDays < 7 ||
      deletionWindowInDays > 30
    ) {
      throw new Error(`KMS deletion window must be 7 to 30 days, got ${deletionWindowInDays}`);
    }
    this.key = new KmsKeyResource(this, "key", {
      description: props.description,
      enableKeyRotation: true,
      deletionWindowInDays,
      policy: renderPolicy(props.policy),
      provider: props.provider,
      region: props.region,
      lifecycle: { preventDestroy: true },
    });
    this.alias = new KmsAlias(this, "alias", {
      name: `alias/${props.alias}`,
      targetKeyId: this.key.keyId,
      provider: props.provider,
      region: props.region,
    });
  }

  get arn(): string {
    return this.key.arn;
  }
}
