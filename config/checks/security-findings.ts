import type { ConfigProblem } from "../loader/config-problem";
import { ifReadable, readableItems } from "../loader/salvage";
import type { SemanticCheck } from "./semantic-check";

/** Each value's later occurrences, with their index: the first one stands. */
function repeats(values: readonly (readonly [string, number])[]): [string, number][] {
  const seen = new Set<string>();
  return values.flatMap(([value, index]): [string, number][] => {
    if (seen.has(value)) return [[value, index]];
    seen.add(value);
    return [];
  });
}

/**
 * Security Hub tuning lapses like a rule suppression: an expired one fails the synth until it is
 * renewed (with a new justification) or the control is enabled again. A control is disabled once,
 * and each alert recipient is subscribed once.
 */
export function checkSecurityFindings(today: string): SemanticCheck {
  return ({ organization }) => {
    if (!organization) return [];
    const { file, config } = organization;
    const tuningPath = ["securityServices", "securityHub", "disabledControls"];
    const disabled = readableItems(
      ifReadable(() => config.securityServices.securityHub.disabledControls, []),
    );
    const lapsed = disabled.flatMap(([tuning, index]): ConfigProblem[] =>
      ifReadable(
        () =>
          tuning.expires < today
            ? [
                {
                  file,
                  path: [...tuningPath, index, "expires"],
                  message: `has passed (today is ${today})`,
                  received: tuning.expires,
                  fix: `Enable ${tuning.control} again and remove the entry, or renew it with a new date and justification.`,
                },
              ]
            : [],
        [],
      ),
    );
    const controls = disabled.flatMap(([tuning, index]) =>
      ifReadable((): (readonly [string, number])[] => [[tuning.control, index]], []),
    );
    const twice = repeats(controls).map(([control, index]): ConfigProblem => ({
      file,
      path: [...tuningPath, index, "control"],
      message: "is disabled twice",
      received: control,
      fix: "Keep one entry per control, with one justification and expiry.",
    }));
    const alerts = ifReadable(() => config.securityServices.alerts, undefined);
    const recipients = (key: "emails" | "httpsEndpoints"): ConfigProblem[] =>
      repeats(
        readableItems(ifReadable(() => alerts?.[key] ?? [], [])).map(
          ([value, index]) => [value, index] as const,
        ),
      ).map(([value, index]) => ({
        file,
        path: ["securityServices", "alerts", key, index],
        message: "is listed twice",
        received: value,
        fix: "List each recipient once: a second subscription would send every alert twice.",
      }));
    return [...lapsed, ...twice, ...recipients("emails"), ...recipients("httpsEndpoints")];
  };
}
