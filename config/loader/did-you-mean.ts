import { closest, distance } from "fastest-levenshtein";

/** The candidate `received` is most likely a typo of, or undefined when none is close enough. */
export function nearMiss(received: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(received, [...candidates]);
  const tolerance = Math.max(2, Math.floor(best.length / 3));
  return distance(received.toLowerCase(), best.toLowerCase()) <= tolerance ? best : undefined;
}

/** A suggestion sentence for a near miss, or "" when nothing is close enough to be a typo. */
export function didYouMean(received: string, candidates: readonly string[]): string {
  const best = nearMiss(received, candidates);
  return best === undefined ? "" : `Did you mean "${best}"? `;
}
