import type { ConfigProblem } from "../loader/config-problem";
import {
  CLOSURE_MAXIMUM,
  CLOSURE_MINIMUM,
  CLOSURE_SHARE,
  CLOSURE_WINDOW_DAYS,
  CONCURRENT_CLOSURES,
} from "../schema/account-lifecycle";
import type { SemanticCheck } from "./semantic-check";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st... */
export function ordinal(count: number): string {
  const teen = count % 100 >= 11 && count % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][count % 10] ?? "th");
  return `${count}${suffix}`;
}

/** How many accounts AWS lets an organization with `memberCount` members close in 30 days. */
function closureQuota(memberCount: number): number {
  return Math.min(
    CLOSURE_MAXIMUM,
    Math.max(CLOSURE_MINIMUM, Math.floor(memberCount * CLOSURE_SHARE)),
  );
}

/**
 * Quarantine needs a quarantine OU, and closures stay within AWS's limits: 10% of the member
 * accounts in 30 days (at least 10, at most 1,000), and the landing zone closes no more than
 * three at a time.
 */
export function checkAccountLifecycle(today: string): SemanticCheck {
  return ({ organization, environments }) => {
    if (!organization) return [];
    const problems: ConfigProblem[] = [];
    const accounts = environments.flatMap(({ file, config }) =>
      config.accounts.map((account, index) => ({ file, index, account })),
    );
    const memberCount =
      accounts.length + Object.values(organization.config.coreAccounts).filter(Boolean).length;
    for (const { file, index, account } of accounts) {
      if (account.lifecycle && !organization.config.quarantineOu) {
        problems.push({
          file,
          path: ["accounts", index, "lifecycle"],
          message: "puts the account in quarantine, but organization.yaml names no quarantineOu",
          received: account.lifecycle.state,
          fix: "Set quarantineOu in organization.yaml to the OU that holds the deny-all SCP.",
        });
      }
    }
    const closing = accounts.filter(({ account }) => account.lifecycle?.state === "closing");
    if (closing.length > CONCURRENT_CLOSURES) {
      const { file, index, account } = closing[CONCURRENT_CLOSURES];
      problems.push({
        file,
        path: ["accounts", index, "lifecycle", "state"],
        message: `makes ${closing.length} accounts closing at once; the landing zone closes at most ${CONCURRENT_CLOSURES} at a time`,
        received: account.name,
        fix: "Remove closed accounts from config before closing more.",
      });
    }
    const sinceOf = (entry: (typeof closing)[number]) => Date.parse(entry.account.lifecycle!.since);
    const windowStart = Date.parse(today) - CLOSURE_WINDOW_DAYS * DAY_MS;
    // Oldest first: the closures past the quota are the latest ones.
    const recent = closing
      .filter((entry) => sinceOf(entry) >= windowStart)
      .sort((a, b) => sinceOf(a) - sinceOf(b));
    const allowed = closureQuota(memberCount);
    if (recent.length > allowed) {
      const { file, index, account } = recent[allowed];
      // The closures past the quota fit once the oldest of those before them leave the window.
      const freed = sinceOf(recent[recent.length - allowed - 1]) + CLOSURE_WINDOW_DAYS * DAY_MS;
      problems.push({
        file,
        path: ["accounts", index, "lifecycle", "since"],
        message: `is the ${ordinal(allowed + 1)} closure in ${CLOSURE_WINDOW_DAYS} days; AWS closes at most ${allowed} of the ${memberCount} member accounts in that time (${CLOSURE_SHARE * 100}% of them, but at least ${CLOSURE_MINIMUM} and at most ${CLOSURE_MAXIMUM})`,
        received: account.lifecycle!.since,
        fix: `Wait until ${new Date(freed).toISOString().slice(0, 10)}, then close it.`,
      });
    }
    return problems;
  };
}
