import { withoutIndex } from "../terraform/resource-address";
import type { Diagnostic } from "../terraform/terraform-messages";
import { errorsOf, formatDiagnostic, readDiagnostics } from "../terraform/terraform-messages";
import type { EmulatorGap } from "./emulator-gap";
import type { RemovedResource, StrippedStack } from "./strip-emulator-gaps";

/**
 * The gap entry that explains an apply error: the error is about a resource on the gap list, it
 * names the entry's failing call, and it carries the entry's emulator message, or it is an
 * HTTP 500 or 404 that Terraform couldn't decode while the emulator logged that message.
 */
export function explainingGap(
  error: Diagnostic,
  onGapList: readonly RemovedResource[],
  emulatorLog: string,
): EmulatorGap | undefined {
  const text = `${error.summary} ${error.detail}`;
  const resource = onGapList.find(
    (entry) => error.address && entry.address === withoutIndex(error.address),
  );
  if (!resource || !text.includes(resource.gap.failingCall)) return undefined;
  const message = resource.gap.emulatorMessage;
  if (text.includes(message)) return resource.gap;
  // The emulator answers what it doesn't implement (HTTP 500) or has no route for (HTTP 404)
  // with an HTML page Terraform can't decode; its log says which it was.
  if (/StatusCode: (500|404)/.test(text) && emulatorLog.includes(message)) return resource.gap;
  return undefined;
}

export interface GapProof {
  readonly observed: ReadonlySet<EmulatorGap>;
  readonly unexplained: readonly string[];
}

/**
 * Applies the stack with its gap resources in, and shows that every error is one the gap list
 * names. A gap resource that waits for another is attempted only once that one is out of the
 * way, so each pass leaves out the entries already seen failing and applies again, until a pass
 * shows nothing new.
 */
export async function proveGaps(
  /** The stack without every gap of the list: its removed and withheld resources are the suspects. */
  full: StrippedStack,
  strip: (gaps: readonly EmulatorGap[], unwait: readonly EmulatorGap[]) => StrippedStack,
  apply: (stack: StrippedStack) => Promise<string>,
  /**
   * Makes the state match a stack about to be applied: forgets what it leaves out, keeps what it
   * applies with an argument withheld. What failed is in the state, tainted.
   */
  settle: (stack: StrippedStack) => Promise<void>,
  emulatorLog: () => string,
  maxPasses = 4,
): Promise<GapProof> {
  const observed = new Set<EmulatorGap>();
  const onGapList = [...full.removed.filter((entry) => !entry.dependsOn), ...full.withheld];
  for (let pass = 0; pass < maxPasses; pass++) {
    // Nothing waits for a suspect not yet seen failing, so every suspect is attempted at once;
    // except a withheld one, which is in every run: what waits for it must go on waiting, or it
    // would race ahead of it (the organization's policies before the organization).
    const stack = strip(
      [...observed],
      onGapList.map((entry) => entry.gap).filter((gap) => !observed.has(gap) && !gap.withhold),
    );
    if (pass > 0) await settle(stack);
    const errors = errorsOf(readDiagnostics(await apply(stack)));
    const log = emulatorLog();
    const unexplained: string[] = [];
    const seenBefore = observed.size;
    for (const error of errors) {
      const gap = explainingGap(error, onGapList, log);
      if (gap) observed.add(gap);
      else unexplained.push(formatDiagnostic(error));
    }
    const everySuspectSeen = onGapList.every((entry) => observed.has(entry.gap));
    if (unexplained.length > 0 || observed.size === seenBefore || everySuspectSeen)
      return { observed, unexplained };
  }
  return { observed, unexplained: [] };
}
