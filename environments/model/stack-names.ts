/**
 * Stack names are Terraform state identities: each is part of its state key, so renaming one
 * moves state. They live beside the config model because validation must keep environment
 * names from colliding with them.
 */
export const STACK_NAMES = {
  bootstrap: "bootstrap",
  organization: "organization",
  identity: "identity",
  logging: "logging",
  /** Baseline of the management account itself. */
  management: "management",
} as const;

/** Names later capabilities take for their shared stacks. */
const PLANNED_SHARED_STACKS = ["security"] as const;

export const RESERVED_STACK_NAMES: readonly string[] = [
  ...Object.values(STACK_NAMES),
  ...PLANNED_SHARED_STACKS,
];

export const ACCOUNT_STACK_PREFIX = "account-";

export function environmentStackName(environment: string): string {
  return environment;
}

/**
 * Named after the account alone, not its environment, so moving an account between
 * environments keeps its baseline state where it is.
 */
export function accountBaselineStackName(account: string): string {
  return `${ACCOUNT_STACK_PREFIX}${account}`;
}
