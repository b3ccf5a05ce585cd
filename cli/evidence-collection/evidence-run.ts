import type { CriterionId } from "../../compliance/criteria/trust-services-criteria";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { accountLabel } from "./account-scope";
import type { AccountScope, ScopedAccount } from "./account-scope";
import { describeError } from "./aws-access";
import type { ClientPool } from "./aws-access";
import type { Limiter } from "./limiter";
import type { OrganizationTree } from "./organization-tree";
import type { Period } from "./period";

/** A check that couldn't be made, or couldn't be made everywhere: the snapshot says so. */
export interface MissingEvidence {
  readonly check: string;
  /** Account id, or "organization" for a check that failed as a whole. */
  readonly account: string;
  readonly accountName?: string;
  readonly region?: string;
  readonly reason: string;
}

/** Something the evidence shows that an auditor should look at: a difference, a gap, a failure. */
export interface Flag {
  /** "dev-data (123456789012)", or absent for the organization as a whole. */
  readonly account?: string;
  readonly region?: string;
  readonly issue: string;
}

/** What a check found, written to its file. */
export interface CheckResult {
  /** A few counts that say what the file holds. */
  readonly summary: Readonly<Record<string, number | string | boolean>>;
  readonly flags: readonly Flag[];
  readonly results: unknown;
  /** Files besides the JSON, such as a CSV for people (listed and hashed in the manifest too). */
  readonly extraFiles?: readonly { readonly name: string; readonly content: string }[];
}

/** A check that could not be made at all; the missing entry says why. */
export const NOT_COLLECTED: CheckResult = { summary: {}, flags: [], results: null };

/** One kind of evidence: one collector, one file (`<id>.json`). */
export interface EvidenceCheck {
  readonly id: string;
  readonly title: string;
  readonly criteria: readonly CriterionId[];
  /** Whether the file shows the state at collection time or activity over the period. */
  readonly covers: "collection time" | "period";
  collect(run: EvidenceRun): Promise<CheckResult>;
}

/** An account's clients in one region. */
export interface Unit {
  readonly account: ScopedAccount;
  readonly region: string;
  readonly clients: ClientPool;
}

export interface UnitResult<T> {
  readonly account: ScopedAccount;
  readonly region: string;
  readonly value: T;
}

export interface EvidenceRunProps {
  readonly config: LandingZoneConfig;
  readonly tree: OrganizationTree;
  readonly scope: AccountScope;
  readonly period: Period;
  readonly collectedAt: Date;
  /** The caller's clients, in the management account. */
  readonly management: ClientPool;
  /** Each member account's clients, through its read role, or why that role can't be assumed. */
  readonly sessions: ReadonlyMap<string, ClientPool | { readonly failure: string }>;
  readonly limiter: Limiter;
  readonly progress: (line: string) => void;
  /** Waits between polls (the IAM credential report); tests don't wait. */
  readonly sleep: (milliseconds: number) => Promise<void>;
}

/**
 * What a collector works with: the config, the organization as read, the period, and a way to
 * run a piece of work in each account (and region) that bounds concurrency and turns every
 * failure into a missing entry, never a silent gap.
 */
export class EvidenceRun {
  private readonly missingEntries: MissingEvidence[] = [];

  constructor(private readonly props: EvidenceRunProps) {}

  get config(): LandingZoneConfig {
    return this.props.config;
  }
  get tree(): OrganizationTree {
    return this.props.tree;
  }
  get scope(): AccountScope {
    return this.props.scope;
  }
  get period(): Period {
    return this.props.period;
  }
  get collectedAt(): Date {
    return this.props.collectedAt;
  }
  get homeRegion(): string {
    return this.props.config.organization.config.homeRegion;
  }
  get regions(): readonly string[] {
    return this.props.config.organization.config.governedRegions;
  }
  get sleep(): (milliseconds: number) => Promise<void> {
    return this.props.sleep;
  }
  get missing(): readonly MissingEvidence[] {
    return this.missingEntries;
  }

  progress(line: string): void {
    this.props.progress(line);
  }

  recordMissing(entry: MissingEvidence): void {
    this.missingEntries.push(entry);
    const where = [entry.accountName ? `${entry.accountName} (${entry.account})` : entry.account];
    if (entry.region) where.push(entry.region);
    this.progress(`  missing: ${entry.check} in ${where.join(" ")}: ${entry.reason}`);
  }

  /** The scoped account of an id, if the snapshot reads it. */
  account(id: string): ScopedAccount | undefined {
    return this.props.scope.accounts.find((account) => account.id === id);
  }

  get managementAccount(): ScopedAccount {
    const management = this.props.scope.accounts.find((account) => account.management);
    if (!management) throw new Error("the management account is not among the accounts read");
    return management;
  }

  /**
   * Runs `work` in one account and region. Undefined when it can't: the account's read role
   * couldn't be assumed, or the work failed (after the SDK's retries); either is recorded.
   */
  async inAccount<T>(
    check: string,
    account: ScopedAccount,
    region: string,
    work: (unit: Unit) => Promise<T>,
  ): Promise<UnitResult<T> | undefined> {
    const session = account.management
      ? this.props.management
      : this.props.sessions.get(account.id);
    const where = { check, account: account.id, accountName: account.name, region };
    if (!session || "failure" in session) {
      this.recordMissing({
        ...where,
        reason: session?.failure ?? "no session was opened for this account",
      });
      return undefined;
    }
    try {
      const value = await this.props.limiter.run(() => work({ account, region, clients: session }));
      return { account, region, value };
    } catch (error) {
      this.recordMissing({ ...where, reason: describeError(error) });
      return undefined;
    }
  }

  /** `work` in every account read, in the home region (for global services such as IAM). */
  async eachAccount<T>(check: string, work: (unit: Unit) => Promise<T>): Promise<UnitResult<T>[]> {
    const results = await Promise.all(
      this.props.scope.accounts.map((account) =>
        this.inAccount(check, account, this.homeRegion, work),
      ),
    );
    return results.filter((result) => result !== undefined);
  }

  /** `work` in every account read and every governed region. */
  async eachAccountRegion<T>(
    check: string,
    work: (unit: Unit) => Promise<T>,
  ): Promise<UnitResult<T>[]> {
    const results = await Promise.all(
      this.props.scope.accounts.flatMap((account) =>
        this.regions.map((region) => this.inAccount(check, account, region, work)),
      ),
    );
    return results.filter((result) => result !== undefined);
  }
}

/** A flag about one account (and region). */
export function flagFor(account: ScopedAccount, issue: string, region?: string): Flag {
  return { account: accountLabel(account), ...(region ? { region } : {}), issue };
}
