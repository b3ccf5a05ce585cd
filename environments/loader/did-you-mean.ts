import { closest, distance } from "fastest-levenshtein";

/** A suggestion sentence for a near miss, or "" when nothing is close enough to be a typo. */
export function didYouMean(received: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const best = closest(received, [...candidates]);
  const tolerance = Math.max(2, Math.floor(best.length / 3));
  return distance(received.toLowerCase(), best.toLowerCase()) <= tolerance
    ? `Did you mean "${best}"? `
    : "";
}
