import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";

/** The account a provider works in: the management account, or a member account by its name. */
export type ProviderAccount =
  { readonly kind: "management" } | { readonly kind: "member"; readonly name: string };

/** A provider of a stack, as its resources name it, and the account it works in. */
export interface ProviderPlacement {
  readonly stack: string;
  /** `aws` for the stack's default provider, `aws.<alias>` for another. */
  readonly reference: string;
  readonly account: ProviderAccount;
}

const accountByProvider = new WeakMap<IConstruct, ProviderAccount>();

/**
 * Records the account a provider reaches. A member account's id is often a reference to another
 * stack's state, so the synthesized provider can't say which account it is; the evidence asks here.
 */
export function recordProviderAccount(provider: AwsProvider, account: ProviderAccount): void {
  accountByProvider.set(provider, account);
}

/** Every provider under `root` whose account was recorded, in construct-tree order. */
export function findProviderAccounts(root: IConstruct): ProviderPlacement[] {
  return root.node.findAll().flatMap((construct) => {
    const account = accountByProvider.get(construct);
    if (!account) return [];
    const { alias } = construct as AwsProvider;
    return [
      {
        stack: TerraformStack.of(construct).node.id,
        reference: alias ? `aws.${alias}` : "aws",
        account,
      },
    ];
  });
}
