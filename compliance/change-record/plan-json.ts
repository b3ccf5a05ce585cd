/**
 * The parts of `terraform show -json <planfile>` the change record reads. Fields it doesn't
 * know are ignored, so newer Terraform versions keep working within a major format version.
 */
export interface PlanResourceChange {
  readonly address: string;
  readonly module_address?: string;
  readonly mode?: "managed" | "data";
  readonly type: string;
  readonly name?: string;
  readonly previous_address?: string;
  readonly action_reason?: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly before?: unknown;
    readonly after?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
    readonly importing?: { readonly id?: string };
  };
}

export interface TerraformPlan {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly PlanResourceChange[];
}

/** Plan JSON format major versions this tool understands. */
const SUPPORTED_FORMAT_MAJORS = [0, 1];

export class PlanFormatError extends Error {}

/** Parses plan JSON text, refusing a format version whose meaning may have changed. */
export function parsePlan(text: string, source: string): TerraformPlan {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    throw new PlanFormatError(
      `${source} is not JSON (${(error as Error).message}); pass the output of terraform show -json <planfile>`,
    );
  }
  const version = (plan as { format_version?: unknown })?.format_version;
  if (typeof version !== "string" || !/^\d+\.\d+/.test(version)) {
    throw new PlanFormatError(
      `${source} has no format_version; pass the output of terraform show -json <planfile>`,
    );
  }
  const major = Number(version.split(".")[0]);
  if (!SUPPORTED_FORMAT_MAJORS.includes(major)) {
    throw new PlanFormatError(
      `${source} uses plan format ${version}; this tool reads format ${SUPPORTED_FORMAT_MAJORS.map((m) => `${m}.x`).join(" and ")}. Upgrade the landing zone, or plan with a Terraform that writes a supported format.`,
    );
  }
  return plan as TerraformPlan;
}
