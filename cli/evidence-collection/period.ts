import { UserError } from "../user-error";

/** The days an evidence snapshot covers, from the first to the last, both whole days in UTC. */
export interface Period {
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** Last day, YYYY-MM-DD, included. */
  readonly to: string;
  /** `from` at 00:00 UTC. */
  readonly start: Date;
  /** The day after `to` at 00:00 UTC: the period ends just before it. */
  readonly end: Date;
  /** "2026-05" for a calendar month, else "2026-05-03_2026-05-20": names the snapshot. */
  readonly label: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const iso = (date: Date) => date.toISOString().slice(0, 10);

function parseDay(option: string, value: string): Date {
  const match = DAY.exec(value);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!date || iso(date) !== value)
    throw new UserError(`${option} takes a date as YYYY-MM-DD, got "${value}"`);
  return date;
}

/**
 * The period of `--from` and `--to`, or without them the calendar month before `now`. The last
 * day may be today (a partial period), never later: a snapshot can't vouch for days to come.
 */
export function parsePeriod(from: string | undefined, to: string | undefined, now: Date): Period {
  if ((from === undefined) !== (to === undefined))
    throw new UserError(
      "give both --from and --to (YYYY-MM-DD), or neither for the previous calendar month",
    );
  const start =
    from === undefined
      ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
      : parseDay("--from", from);
  const last =
    to === undefined
      ? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
      : parseDay("--to", to);
  if (last < start)
    throw new UserError(`--to ${iso(last)} is before --from ${iso(start)}; swap them`);
  if (iso(last) > iso(now))
    throw new UserError(
      `--to ${iso(last)} is after today (${iso(now)}): a snapshot covers only days that have begun`,
    );
  const end = new Date(last.getTime() + 24 * 60 * 60 * 1000);
  const wholeMonth =
    start.getUTCDate() === 1 &&
    end.getUTCDate() === 1 &&
    end.getUTCFullYear() * 12 +
      end.getUTCMonth() -
      (start.getUTCFullYear() * 12 + start.getUTCMonth()) ===
      1;
  return {
    from: iso(start),
    to: iso(last),
    start,
    end,
    label: wholeMonth ? iso(start).slice(0, 7) : `${iso(start)}_${iso(last)}`,
  };
}

/** `20260601T061500Z`: a collection time that sorts and fits in a folder name. */
export function compactTimestamp(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}
