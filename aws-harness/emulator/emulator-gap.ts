import type { TerraformBlock } from "../terraform/terraform-json";

/**
 * An AWS API the emulator doesn't implement (or implements wrongly), so that the resources that
 * need it are proven by `terraform validate` only, or, when one argument alone needs it, the
 * resource is applied without that argument. Each entry must be seen failing in every run that
 * has such a resource, with its exact emulator message, or the run fails: an entry can't outlive
 * the gap, nor hide a different error.
 */
export interface EmulatorGap {
  readonly resourceType: string;
  /** Only resources whose argument has this value, when one type is only partly missing. */
  readonly where?: { readonly argument: string; readonly equals: string };
  /** What the emulator lacks or gets wrong, in a sentence: docs/proof-from-aws.md shows it. */
  readonly reason: string;
  /** The call that fails, as Terraform's error names it ("SSO Admin: ListTagsForResource"). */
  readonly failingCall: string;
  /**
   * The exact message the emulator gives, as Terraform prints it or, for the HTTP 500s Terraform
   * can't decode, as the emulator logs it.
   */
  readonly emulatorMessage: string;
  /**
   * Keep the resource and give this argument the value the emulator can take, when only the call
   * behind that argument fails: the rest of the resource is still proven.
   * @default the resource is left out, with everything that references it
   */
  readonly withhold?: Withholding;
  /**
   * Keep the resource as it is: it applies, but the emulator doesn't give these arguments back as
   * set, so the re-plan shows them changing (or, for an argument that forces replacement, the
   * resource replaced and new values in what names it). A re-plan whose only changes are these
   * is clean (explainReplan); the message is then the request line the emulator logs, or the
   * value it gave back.
   * @default the resource is left out, with everything that references it
   */
  readonly unreadArguments?: readonly string[];
}

/**
 * How a withheld argument is applied to the emulator: a value the emulator takes, or the list
 * without the one element it refuses (the rest of the list is still proven).
 */
export type Withholding =
  | { readonly argument: string; readonly emulatorValue: string | boolean }
  | { readonly argument: string; readonly withoutElement: string };

/** The argument's value in the emulator run. */
export function withheldValue(withhold: Withholding, synthesized: unknown): unknown {
  if ("emulatorValue" in withhold) return withhold.emulatorValue;
  return Array.isArray(synthesized)
    ? synthesized.filter((element) => element !== withhold.withoutElement)
    : synthesized;
}

export function gapOf(
  gaps: readonly EmulatorGap[],
  resourceType: string,
  resource: TerraformBlock,
): EmulatorGap | undefined {
  return gaps.find(
    (gap) =>
      gap.resourceType === resourceType &&
      (!gap.where || resource[gap.where.argument] === gap.where.equals),
  );
}

/** How an entry is named in reports and in docs/proof-from-aws.md. */
export function describeGap(gap: EmulatorGap): string {
  const which = gap.where
    ? `${gap.resourceType} (${gap.where.argument} = ${gap.where.equals})`
    : gap.resourceType;
  if (gap.withhold && "emulatorValue" in gap.withhold)
    return `${which}: ${gap.withhold.argument} = ${JSON.stringify(gap.withhold.emulatorValue)} in the emulator run`;
  if (gap.withhold)
    return `${which}: ${gap.withhold.argument} without ${JSON.stringify(gap.withhold.withoutElement)} in the emulator run`;
  if (gap.unreadArguments) return `${which}: ${gap.unreadArguments.join(", ")} not read back`;
  return which;
}
