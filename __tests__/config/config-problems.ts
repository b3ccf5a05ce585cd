import { basename } from "node:path";
import { ConfigError } from "../../config/loader/config-problem";
import type { ConfigProblem } from "../../config/loader/config-problem";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { editedExample } from "../helpers/example-config";

/** A problem as a test states it: the file by name, without the line the loader adds. */
export type StatedProblem = Omit<ConfigProblem, "line">;

/** Every problem the loader finds in the example with `edits` applied ([] when it loads). */
export function problemsOfEditedExample(
  edits: Parameters<typeof editedExample>[0],
): StatedProblem[] {
  const dir = editedExample(edits);
  // Files are named as from the config folder, as they are when it is environments/.
  const local = (text: string) => text.replaceAll(`${dir}/`, "");
  try {
    loadLandingZoneConfig(dir);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(({ line: _line, ...problem }) => ({
      ...problem,
      file: basename(problem.file),
      message: local(problem.message),
      fix: local(problem.fix),
    }));
  }
}
