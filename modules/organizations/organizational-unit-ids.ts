import { constructIdOf } from "../terraform/construct-id";

/**
 * The construct id of the OU at `path` ("Workloads/Data Lake" → "workloads-data-lake"), and so
 * part of its Terraform address. Paths that differ only in case, spaces or punctuation share an
 * id; the config check refuses them before the OU tree is built.
 */
export function organizationalUnitConstructId(path: string): string {
  return constructIdOf(path);
}
