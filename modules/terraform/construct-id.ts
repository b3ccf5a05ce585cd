/**
 * A construct id from free text (names, paths): lowercase letters and digits joined by hyphens.
 * Construct ids are part of Terraform addresses, so every module derives them the same way.
 */
export function constructIdOf(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
