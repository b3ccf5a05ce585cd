import { UserError } from "../user-error";

/**
 * A generated section of a Markdown file is the text between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->`, each marker on a line of its own. `npm run docs` rewrites it from
 * its source; by hand, edit only around it. Its body sits between prettier-ignore comments, so
 * that Prettier leaves the generated text exactly as written.
 */
const MARKER = /^<!-- (\/?)generated:([a-z0-9-]+) -->$/;
const BODY_START = "<!-- prettier-ignore-start -->";
const BODY_END = "<!-- prettier-ignore-end -->";

export interface SectionState {
  readonly name: string;
  /** False when the file's text differs from what the section's source renders today. */
  readonly current: boolean;
}

export interface RegeneratedText {
  readonly text: string;
  readonly sections: readonly SectionState[];
}

/**
 * The file's text with every generated section rendered afresh by `render` (lines, without the
 * markers), and which sections had been out of date. A marker without its partner, or one naming
 * a section `render` doesn't know (undefined), is an error naming the file and line.
 */
export function regenerateSections(
  file: string,
  text: string,
  render: (name: string) => readonly string[] | undefined,
): RegeneratedText {
  const lines = text.split("\n");
  const output: string[] = [];
  const sections: SectionState[] = [];
  for (let index = 0; index < lines.length; index++) {
    const marker = MARKER.exec(lines[index]);
    output.push(lines[index]);
    if (!marker) continue;
    const [, closing, name] = marker;
    const where = `${file}:${index + 1}`;
    if (closing)
      throw new UserError(`${where}: <!-- /generated:${name} --> closes no open section.`);
    const end = lines.findIndex((line, at) => at > index && MARKER.test(line));
    if (end < 0 || lines[end] !== `<!-- /generated:${name} -->`)
      throw new UserError(
        `${where}: <!-- generated:${name} --> needs <!-- /generated:${name} --> before any other marker.`,
      );
    const rendered = render(name);
    if (rendered === undefined)
      throw new UserError(`${where}: no generated section is called "${name}".`);
    const body = [BODY_START, ...rendered, BODY_END];
    sections.push({ name, current: lines.slice(index + 1, end).join("\n") === body.join("\n") });
    output.push(...body, lines[end]);
    index = end;
  }
  return { text: output.join("\n"), sections };
}
