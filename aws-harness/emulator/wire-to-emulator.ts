import type { TerraformJson } from "../terraform/terraform-json";

export interface EmulatorWiring {
  readonly url: string;
  readonly caBundle: string;
  /** The emulator bucket that holds every stack's state (see emulatorStateBucket). */
  readonly stateBucket: string;
}

/** S3 backend and remote-state settings that reach the emulator's S3, path-style, over TLS. */
function s3StateSettings(wiring: EmulatorWiring): Record<string, unknown> {
  return {
    bucket: wiring.stateBucket,
    endpoints: { s3: wiring.url, sts: wiring.url, iam: wiring.url },
    use_path_style: true,
    custom_ca_bundle: wiring.caBundle,
    skip_metadata_api_check: true,
  };
}

/**
 * The environment that sends every AWS call of the provider to the emulator, whatever the
 * service. Set there rather than in each provider's `endpoints` block, which the 5.x provider
 * validates slowly in every provider instance of every command: a plan of one role took 11.5 CPU
 * seconds with the block and 3.6 without, one of four providers 37 and 5.8. A call that ignored
 * it would meet the harness's proxy, which refuses every host but the emulator's.
 */
export function emulatorEndpointEnvironment(wiring: EmulatorWiring): NodeJS.ProcessEnv {
  return { AWS_ENDPOINT_URL: wiring.url };
}

/**
 * A stack as it runs against the emulator: every provider keeps its region, assume_role,
 * allowed_account_ids and default tags, and gains the emulator's certificate, path-style S3 and
 * few retries (the emulator answers some unimplemented calls with HTTP 500, which the provider
 * would otherwise retry for minutes); its endpoint comes from emulatorEndpointEnvironment. State
 * and remote-state reads go to the emulator's S3.
 */
export function wireToEmulator(stack: TerraformJson, wiring: EmulatorWiring): TerraformJson {
  const wired = structuredClone(stack);
  for (const provider of wired.provider?.aws ?? []) {
    Object.assign(provider, {
      s3_use_path_style: true,
      custom_ca_bundle: wiring.caBundle,
      skip_metadata_api_check: "true",
      max_retries: 1,
    });
  }
  const backend = wired.terraform?.backend;
  if (backend?.s3) Object.assign(backend.s3, s3StateSettings(wiring));
  // Bootstrap's local state sits beside the output folder on a user's machine; here it stays in
  // the stack's working folder.
  if (backend?.local) backend.local.path = "terraform.tfstate";
  for (const remote of Object.values(wired.data?.terraform_remote_state ?? {}))
    Object.assign(remote.config, s3StateSettings(wiring));
  return wired;
}
