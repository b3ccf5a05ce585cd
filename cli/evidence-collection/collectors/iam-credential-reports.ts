import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
} from "@aws-sdk/client-iam";
import { parseCsv } from "../csv";
import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";

/** IAM makes a report in seconds; after this many polls (about two minutes) the check gives up. */
const MAX_POLLS = 10;
const ROOT_USER = "<root_account>";

/** The credential report's CSV, once IAM has it ready: generate, and ask again until COMPLETE. */
async function credentialReport(
  iam: IAMClient,
  sleep: (ms: number) => Promise<void>,
): Promise<string> {
  for (let poll = 0; poll < MAX_POLLS; poll += 1) {
    const { State: state } = await iam.send(new GenerateCredentialReportCommand({}));
    if (state === "COMPLETE") {
      const { Content: content } = await iam.send(new GetCredentialReportCommand({}));
      return Buffer.from(content ?? new Uint8Array()).toString("utf8");
    }
    await sleep(Math.min(500 * 2 ** poll, 16_000));
  }
  throw new Error(`the credential report was not ready after ${MAX_POLLS} polls`);
}

const active = (value: string | undefined) => value === "true";
const date = (value: string | undefined) =>
  value && !["N/A", "no_information", "not_supported"].includes(value) ? value : null;

function ageInDays(since: string | null, now: Date): number | null {
  if (!since) return null;
  return Math.floor((now.getTime() - new Date(since).getTime()) / (24 * 60 * 60 * 1000));
}

/**
 * Every account's IAM credential report. People sign in through Identity Center, so there should
 * be no IAM users: each one is listed with its console password, MFA and access keys (with their
 * age), and flagged. The root user is flagged for an access key, or a password without MFA.
 */
export const IAM_CREDENTIAL_REPORTS: EvidenceCheck = {
  id: "iam-credential-reports",
  title:
    "IAM credential report of every account: IAM users, their MFA and key age, and the root user",
  criteria: ["CC6.1", "CC6.2", "CC6.3"],
  covers: "collection time",
  async collect(run: EvidenceRun) {
    const now = run.collectedAt;
    const reports = await run.eachAccount(this.id, async ({ clients, region }) =>
      parseCsv(await credentialReport(clients.client(IAMClient, region), run.sleep)),
    );
    const flags: Flag[] = [];
    const accounts = reports.map(({ account, value: rows }) => {
      const root = rows.find((row) => row.user === ROOT_USER);
      const keys = (row: Record<string, string>) =>
        [1, 2]
          .filter((n) => active(row[`access_key_${n}_active`]))
          .map((n) => ({
            key: n,
            lastRotated: date(row[`access_key_${n}_last_rotated`]),
            ageDays: ageInDays(date(row[`access_key_${n}_last_rotated`]), now),
            lastUsed: date(row[`access_key_${n}_last_used_date`]),
          }));
      const users = rows
        .filter((row) => row.user !== ROOT_USER)
        .map((row) => ({
          user: row.user,
          arn: row.arn,
          created: date(row.user_creation_time),
          passwordEnabled: active(row.password_enabled),
          passwordLastUsed: date(row.password_last_used),
          mfaActive: active(row.mfa_active),
          activeAccessKeys: keys(row),
        }));
      for (const user of users) {
        const keyAges = user.activeAccessKeys.map((key) => `${key.ageDays ?? "?"} days`);
        flags.push(
          flagFor(
            account,
            `IAM user ${user.user}: password ${user.passwordEnabled ? "on" : "off"}, MFA ${user.mfaActive ? "on" : "off"}, ${
              keyAges.length > 0
                ? `active access keys aged ${keyAges.join(" and ")}`
                : "no active access key"
            }`,
          ),
        );
      }
      const rootUser = root && {
        passwordEnabled: active(root.password_enabled),
        mfaActive: active(root.mfa_active),
        activeAccessKeys: keys(root),
        passwordLastUsed: date(root.password_last_used),
      };
      if (rootUser && rootUser.activeAccessKeys.length > 0)
        flags.push(flagFor(account, "the root user has an active access key"));
      if (rootUser?.passwordEnabled && !rootUser.mfaActive)
        flags.push(flagFor(account, "the root user has a password and no MFA"));
      return { account: account.name, accountId: account.id, root: rootUser ?? null, users };
    });
    return {
      summary: {
        accounts: accounts.length,
        iamUsers: accounts.reduce((sum, account) => sum + account.users.length, 0),
        usersWithoutMfa: accounts.reduce(
          (sum, account) => sum + account.users.filter((user) => !user.mfaActive).length,
          0,
        ),
        activeAccessKeys: accounts.reduce(
          (sum, account) =>
            sum + account.users.reduce((keys, user) => keys + user.activeAccessKeys.length, 0),
          0,
        ),
      },
      flags,
      results: { accounts },
    };
  },
};
