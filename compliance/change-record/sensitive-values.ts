/**
 * Terraform marks sensitive values in `before_sensitive` / `after_sensitive`, which mirror the
 * value: `true` where a value (or everything beneath it) is sensitive, objects and arrays of
 * such markers otherwise.
 */
export function isSensitive(marker: unknown, path: readonly (string | number)[]): boolean {
  let current = marker;
  for (const segment of path) {
    if (current === true) return true;
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current === true;
}
