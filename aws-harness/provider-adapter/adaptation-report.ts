/** What the adapter did to one stack, and what it refused to do. */
export interface AdaptationReport {
  readonly adaptations: readonly Adaptation[];
  /** Non-empty means the adapted JSON is not a faithful 5.x equivalent: don't count it as proof. */
  readonly failures: readonly AdaptationFailure[];
}

export type AdaptationKind =
  | "provider-version-pinned"
  | "region-moved-to-provider"
  | "region-dropped-same-as-provider"
  | "provider-copy-added"
  | "six-only-attribute-dropped";

export interface Adaptation {
  readonly stack: string;
  /** Terraform address: `aws_kms_key.key`, `data.aws_region.current`, `provider.aws.management`. */
  readonly address: string;
  readonly kind: AdaptationKind;
  readonly description: string;
  /**
   * Set when a dropped 6.x-only attribute carried a protection (the allowlist's
   * `securityEffect.protects`): the harness must show it as unproven on 5.x.
   */
  readonly unprovenProtection?: string;
}

export interface AdaptationFailure {
  readonly stack: string;
  readonly address: string;
  /** Path of the offending argument inside the block (`rule[0].name`), when there is one. */
  readonly attribute?: string;
  /** Names stack, address and attribute, so it reads on its own in a log. */
  readonly message: string;
}

/** Collects one stack's report entries in the order the adapter meets them. */
export class StackReport {
  private readonly adaptations: Adaptation[] = [];
  private readonly failures: AdaptationFailure[] = [];

  constructor(private readonly stack: string) {}

  adapted(
    address: string,
    kind: AdaptationKind,
    description: string,
    unprovenProtection?: string,
  ): void {
    this.adaptations.push({
      stack: this.stack,
      address,
      kind,
      description,
      ...(unprovenProtection === undefined ? {} : { unprovenProtection }),
    });
  }

  failed(address: string, attribute: string | undefined, reason: string): void {
    const where = attribute === undefined ? address : `${address}: ${attribute}`;
    this.failures.push({
      stack: this.stack,
      address,
      ...(attribute === undefined ? {} : { attribute }),
      message: `${this.stack}: ${where}: ${reason}`,
    });
  }

  toReport(): AdaptationReport {
    return { adaptations: [...this.adaptations], failures: [...this.failures] };
  }
}
