/** One resource's, data source's, provider's or output's arguments in Terraform JSON. */
export type TerraformBlock = Record<string, unknown> & {
  provider?: string;
  depends_on?: string[];
};

/** The parts of a synthesized stack (cdk.tf.json) the harness reads and rewrites. */
export interface TerraformJson {
  terraform?: {
    backend?: { s3?: Record<string, unknown>; local?: { path: string } };
    required_providers?: Record<string, { source?: string; version?: string }>;
    [key: string]: unknown;
  };
  provider?: Record<string, TerraformBlock[]>;
  resource?: Record<string, Record<string, TerraformBlock>>;
  data?: Record<string, Record<string, TerraformBlock>> & {
    terraform_remote_state?: Record<string, { config: Record<string, unknown> }>;
  };
  output?: Record<string, { value: unknown; [key: string]: unknown }>;
  import?: { to: string; id: string }[];
  [key: string]: unknown;
}
