import type { TerraformBlock, TerraformJson } from "../terraform/terraform-json";
import { gapOf, withheldValue } from "./emulator-gap";
import type { EmulatorGap } from "./emulator-gap";

export interface RemovedResource {
  readonly address: string;
  readonly gap: EmulatorGap;
  /**
   * What removed this one, when it isn't itself on the gap list: a removed resource of the stack,
   * or another stack's stand-in output (`<stack> output <name>`).
   */
  readonly dependsOn?: string;
}

/** An output that referenced a removed resource, and the value it publishes instead. */
export interface StandIn {
  readonly output: string;
  readonly value: string;
  readonly replaces: string;
}

/** A resource kept, that no longer waits for one that was left out (its depends_on named it). */
export interface DroppedWait {
  readonly address: string;
  readonly waitedFor: string;
}

export interface StrippedStack {
  readonly stack: TerraformJson;
  /**
   * Resources that only waited for one left out keep everything but the wait: the order AWS needs
   * is stated in the synthesized stack, and a left-out resource can't be waited for.
   */
  readonly droppedWaits: readonly DroppedWait[];
  readonly removed: readonly RemovedResource[];
  /** Resources kept with one argument set to what the emulator takes (EmulatorGap.withhold). */
  readonly withheld: readonly RemovedResource[];
  /** Resources applied as they are, whose re-plan may differ in what the emulator can't read. */
  readonly unread: readonly RemovedResource[];
  readonly standIns: readonly (StandIn & { readonly gap: EmulatorGap })[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A reference to a resource address anywhere in a block: `${aws_x.name.attr}`, an address inside
 * a function call, or a depends_on entry. Names may hold hyphens, and `data.aws_x.name` is
 * another object, hence the look-behind.
 */
function referencePattern(address: string): RegExp {
  return new RegExp(`(?<![\\w.-])${escape(address)}(?![\\w-])`);
}

/** A reference that uses a value of the address (depends_on only orders, see waitsFor). */
function references(block: unknown, address: string): boolean {
  const { depends_on: _order, ...values } = block as TerraformBlock;
  return referencePattern(address).test(JSON.stringify(values));
}

/** Stand-in outputs of the stacks already stripped, by stack name. */
export type UpstreamStandIns = ReadonlyMap<
  string,
  readonly (StandIn & { readonly gap: EmulatorGap })[]
>;

/**
 * References to other stacks' stand-in outputs, through this stack's remote-state reads: each
 * read names its producer by the state key, `<prefix>/<stack>.tfstate`.
 */
function upstreamReferences(stack: TerraformJson, upstream: UpstreamStandIns) {
  return Object.entries(stack.data?.terraform_remote_state ?? {}).flatMap(([name, read]) => {
    const producer = /([^/]+)\.tfstate$/.exec(String(read.config.key))?.[1];
    return (producer ? (upstream.get(producer) ?? []) : []).map((standIn) => ({
      address: `data.terraform_remote_state.${name}.outputs.${standIn.output}`,
      gap: standIn.gap,
      cause: `${producer} output ${standIn.output}`,
    }));
  });
}

/**
 * The stack without the resources the emulator can't create, and without everything that uses a
 * value of one (resources and data sources, transitively), or that reads another stack's stand-in
 * for one. What only waited for one keeps everything but the wait. Outputs that referenced one
 * publish a recognisable stand-in, so stacks that read them still plan.
 */
export function stripEmulatorGaps(
  stack: TerraformJson,
  gaps: readonly EmulatorGap[],
  upstream: UpstreamStandIns = new Map(),
  /**
   * Entries whose resources stay in but that nothing waits for, so that they are all attempted
   * in one apply (how proveGaps shows their failures without one hiding another).
   * @default none
   */
  unwait: readonly EmulatorGap[] = [],
): StrippedStack {
  const stripped = structuredClone(stack);
  const removed: RemovedResource[] = [];
  const blocks: { kind: "resource" | "data"; type: string; name: string; block: TerraformBlock }[] =
    [];
  for (const kind of ["resource", "data"] as const)
    for (const [type, byName] of Object.entries(stripped[kind] ?? {}))
      for (const [name, block] of Object.entries(byName)) blocks.push({ kind, type, name, block });
  const addressOf = (entry: (typeof blocks)[number]) =>
    `${entry.kind === "data" ? "data." : ""}${entry.type}.${entry.name}`;

  const fromUpstream = upstreamReferences(stack, upstream);
  const withheld: RemovedResource[] = [];
  const unread: RemovedResource[] = [];
  const unwaited = new Set(
    blocks
      .filter((entry) => entry.kind === "resource" && gapOf(unwait, entry.type, entry.block))
      .map(addressOf),
  );
  const pending = blocks.filter((entry) => {
    const onList = entry.kind === "resource" ? gapOf(gaps, entry.type, entry.block) : undefined;
    // Applied as it is: only the re-plan knows what the emulator doesn't read back.
    if (onList?.unreadArguments) unread.push({ address: addressOf(entry), gap: onList });
    const found = onList?.unreadArguments ? undefined : onList;
    if (found?.withhold) {
      const { argument } = found.withhold;
      entry.block[argument] = withheldValue(found.withhold, entry.block[argument]);
      withheld.push({ address: addressOf(entry), gap: found });
    }
    const gap = found?.withhold ? undefined : found;
    if (gap) removed.push({ address: addressOf(entry), gap });
    const standIn = gap
      ? undefined
      : fromUpstream.find((read) => references(entry.block, read.address));
    if (standIn)
      removed.push({ address: addressOf(entry), gap: standIn.gap, dependsOn: standIn.cause });
    return !gap && !standIn;
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const entry of [...pending]) {
      const cause = removed.find((gone) => references(entry.block, gone.address));
      if (!cause) continue;
      removed.push({ address: addressOf(entry), gap: cause.gap, dependsOn: cause.address });
      pending.splice(pending.indexOf(entry), 1);
      changed = true;
    }
  }
  const gone = new Set(removed.map((entry) => entry.address));
  const droppedWaits: DroppedWait[] = [];
  const unwanted = (address: string) => gone.has(address) || unwaited.has(address);
  for (const entry of pending) {
    const waits = entry.block.depends_on;
    if (!waits?.some(unwanted)) continue;
    for (const address of waits.filter((wait) => gone.has(wait)))
      droppedWaits.push({ address: addressOf(entry), waitedFor: address });
    entry.block.depends_on = waits.filter((address) => !unwanted(address));
    if (entry.block.depends_on.length === 0) delete entry.block.depends_on;
  }
  for (const entry of blocks.filter((candidate) => gone.has(addressOf(candidate)))) {
    const byName = stripped[entry.kind]![entry.type];
    delete byName[entry.name];
    if (Object.keys(byName).length === 0) delete stripped[entry.kind]![entry.type];
  }
  if (stripped.import) stripped.import = stripped.import.filter((block) => !gone.has(block.to));

  const standIns: (StandIn & { gap: EmulatorGap })[] = [];
  for (const [name, output] of Object.entries(stripped.output ?? {})) {
    const cause =
      removed.find((entry) => references(output, entry.address)) ??
      fromUpstream.find((read) => references(output, read.address));
    if (!cause) continue;
    const value = `emulator-gap:${cause.address}`;
    output.value = value;
    standIns.push({ output: name, value, replaces: cause.address, gap: cause.gap });
  }
  return { stack: stripped, removed, withheld, unread, droppedWaits, standIns };
}
