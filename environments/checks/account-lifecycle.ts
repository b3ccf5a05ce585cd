import type { ConfigProblem } from "../loader/config-problem";
import {
  CLOSURE_SHARE,
  CLOSURE_WINDOW_DAYS,
  CONCURRENT_CLOSURES,
} from "../schema/account-lifecycle";
import type { SemanticCheck } from "./semantic-check";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Quarantine needs a quarantine OU, and closures stay within AWS's limits: at most 10% of the
 * member accounts in 30 days, and the landing zone closes no more than three at a time.
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
    const windowStart = Date.parse(today) - CLOSURE_WINDOW_DAYS * DAY_MS;
    const recent = closing.filter(
      ({ account }) => Date.parse(account.lifecycle!.since) >= windowStart,
    );
    const allowed = Math.max(1, Math.floor(memberCount * CLOSURE_SHARE));
    if (recent.length > allowed) {
      const { file, index, account } = recent[allowed];
      problems.push({
        file,
        path: ["accounts", index, "lifecycle", "since"],
        message: `is the ${recent.length}th closure in ${CLOSURE_WINDOW_DAYS} days; AWS closes at most 10% of the ${memberCount} member accounts (${allowed}) in that time`,
        received: account.lifecycle!.since,
        fix: `Wait until ${new Date(Date.parse(recent[0].account.lifecycle!.since) + CLOSURE_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10)}, then close it.`,
      });
    }
    return problems;
  };
}
