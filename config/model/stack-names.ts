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
  security: "security",
  /** Inspector and Macie enrollment of every existing account, once they all exist. */
  securityMembers: "security-members",
  pipeline: "pipeline",
  /** The organization IPAM, in the account config names for it. */
  network: "network",
  /** Baseline of the management account itself. */
  management: "management",
} as const;

/** Environment names may not take these: an environment's stack is named after it. */
export const RESERVED_STACK_NAMES: readonly string[] = Object.values(STACK_NAMES);

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
