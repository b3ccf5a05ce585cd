import { basename, extname } from "node:path";
import type { ConfigProblem } from "../loader/config-problem";
import { EVIDENCE_ENVIRONMENT } from "../../contracts/github-environments";
import { ACCOUNT_STACK_PREFIX, RESERVED_STACK_NAMES } from "../model/stack-names";
import type { SemanticCheck } from "./semantic-check";

/**
 * Environment names are unique, match their file, and collide with neither shared stacks nor the
 * evidence workflow's GitHub environment.
 */
export const checkEnvironments: SemanticCheck = ({ environments }) => {
  const problems: ConfigProblem[] = [];
  const seen = new Map<string, string>();
  for (const { file, config } of environments) {
    const expected = basename(file, extname(file));
    if (config.name !== expected) {
      problems.push({
        file,
        path: ["name"],
        message: `does not match the file name ${basename(file)}`,
        received: config.name,
        fix: `Set name to "${expected}", or rename the file to ${config.name}${extname(file)}.`,
      });
    }
    const earlier = seen.get(config.name);
    if (earlier !== undefined) {
      problems.push({
        file,
        path: ["name"],
        message: `is already the name of the environment in ${earlier}`,
        received: config.name,
        fix: "Give each environment its own name.",
      });
    }
    seen.set(config.name, file);
    if (
      RESERVED_STACK_NAMES.includes(config.name) ||
      config.name.startsWith(ACCOUNT_STACK_PREFIX)
    ) {
      problems.push({
        file,
        path: ["name"],
        message: "is the name of a landing-zone stack",
        received: config.name,
        fix: `Choose a name other than ${RESERVED_STACK_NAMES.join(", ")} or ${ACCOUNT_STACK_PREFIX}*.`,
      });
    }
    // An environment's applies run in the GitHub environment of its name; this one admits the
    // evidence role and has no reviewers.
    if (config.name === EVIDENCE_ENVIRONMENT) {
      problems.push({
        file,
        path: ["name"],
        message: "is the GitHub environment the evidence workflow runs in",
        received: config.name,
        fix: `Choose another name: the apply role would be trusted in the ${EVIDENCE_ENVIRONMENT} environment, which runs unattended.`,
      });
    }
  }
  return problems;
};
