import { accountContactsFor } from "./account-vending";
import { heldBaselines } from "./held-baselines";
import type { LandingZoneConfig } from "./landing-zone-config";
import { vpcPlansFor } from "./network";
import type { VpcPlan } from "./network";

/**
 * The only values in which two workload baselines of one shape differ: the account's name (and
 * the stack name made of it), its id when config gives one, and its VPC blocks.
 */
export interface CloneFields {
  readonly name: string;
  /** The literal id of an account config gives one; else the id comes from remote state by name. */
  readonly id?: string;
  /** VPC block by region, for an environment with explicit blocks. */
  readonly cidrs: Readonly<Record<string, string>>;
}

/**
 * Accounts whose baselines have one shape. The template and the verifier are synthesized by
 * cdktf; the verifier proves that the template with the verifier's fields put in is the
 * verifier's baseline byte for byte, before any clone is written from the template.
 */
export interface CloneGroup {
  readonly template: CloneFields;
  readonly verifier: CloneFields;
  readonly clones: readonly CloneFields[];
}

export interface BaselineClonePlan {
  readonly groups: readonly CloneGroup[];
  /** Names of the accounts whose baselines are written from a template, not synthesized. */
  readonly cloned: ReadonlySet<string>;
}

export const NO_CLONES: BaselineClonePlan = { groups: [], cloned: new Set() };

/** A group whose baselines differ by more than their CloneFields: it must be synthesized. */
export class CloneMismatchError extends Error {
  constructor(
    readonly group: CloneGroup,
    reason: string,
  ) {
    super(`Baselines of ${group.template.name}'s shape can't be cloned: ${reason}`);
    this.name = "CloneMismatchError";
  }
}

/**
 * Characters a field may hold to be put into synthesized JSON as it is: none of them needs
 * escaping, so the JSON stays what cdktf would have written.
 */
const PLAIN = /^[A-Za-z0-9._/-]+$/;

/**
 * Plans cloning for groups of three or more baselines of one shape (template, verifier and at
 * least one clone); the rest are synthesized.
 */
export function planBaselineClones(config: LandingZoneConfig): BaselineClonePlan {
  const groups: CloneGroup[] = [];
  for (const members of baselinesByShape(config)) {
    if (members.length < 3) continue;
    // Shortest and longest names: every clone's name length lies between the two, so anything
    // derived from a name's length (a truncation, say) shows between template and verifier.
    const byLength = [...members].sort((a, b) => a.name.length - b.name.length);
    const template = byLength[0];
    const verifier = byLength[byLength.length - 1];
    groups.push({
      template,
      verifier,
      clones: members.filter((member) => member !== template && member !== verifier),
    });
  }
  return clonePlanOf(groups);
}

/**
 * Each environment's workload accounts grouped by the shape of their baselines: everything
 * AccountBaselineStack reads of an account besides its CloneFields. Held baselines, and accounts
 * with a field JSON would escape, are in no group. Groups are in config order, members too.
 */
export function baselinesByShape(config: LandingZoneConfig): CloneFields[][] {
  const held = new Set(heldBaselines(config).map((baseline) => baseline.account));
  const groups: CloneFields[][] = [];
  for (const { config: environment } of config.environments) {
    const byShape = new Map<string, CloneFields[]>();
    for (const account of environment.accounts) {
      if (held.has(account.name)) continue;
      const plans = vpcPlansFor(environment, account.name);
      const fields = cloneFieldsOf(account.name, account.id, plans);
      if (![fields.name, fields.id ?? "0", ...Object.values(fields.cidrs)].every(isPlain)) continue;
      const shape = JSON.stringify([
        account.id !== undefined,
        account.movedFrom ?? null,
        accountContactsFor(config, { kind: "member", name: account.name }) ?? null,
        plans.map(shapeOfVpc),
      ]);
      const sameShape = byShape.get(shape);
      if (sameShape) sameShape.push(fields);
      else byShape.set(shape, [fields]);
    }
    groups.push(...byShape.values());
  }
  return groups;
}

/** The plan of these groups: `cloned` follows from them. */
export function clonePlanOf(groups: readonly CloneGroup[]): BaselineClonePlan {
  return {
    groups,
    cloned: new Set(groups.flatMap((group) => group.clones.map((clone) => clone.name))),
  };
}

const isPlain = (value: string) => PLAIN.test(value);

function cloneFieldsOf(name: string, id: string | undefined, plans: readonly VpcPlan[]) {
  const cidrs: Record<string, string> = {};
  for (const plan of plans)
    if ("cidr" in plan.addressing) cidrs[plan.region] = plan.addressing.cidr;
  return { name, ...(id === undefined ? {} : { id }), cidrs };
}

/** A VPC's shape: its region and the size of its block, never the block itself. */
function shapeOfVpc(plan: VpcPlan): string {
  const { addressing } = plan;
  return "cidr" in addressing
    ? `${plan.region} /${addressing.cidr.split("/")[1]}`
    : `${plan.region} ipam /${addressing.netmaskLength}`;
}
