/**
 * What a link check needs from a Markdown file: its links and the anchors GitHub gives its
 * headings. Text in fenced code blocks and code spans is not Markdown, so it holds neither.
 */

export interface MarkdownLink {
  readonly target: string;
  /** 1-based line of the file. */
  readonly line: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
/** Inline links and images: [text](target "title") and ![alt](target). */
const INLINE_LINK = /!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g;
/** Reference definitions: [name]: target */
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/;

/** The file's lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { text: string; line: number }[] {
  const lines: { text: string; line: number }[] = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((text, index) => {
    const opening = FENCE.exec(text);
    if (fence !== undefined) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length)
        fence = undefined;
    } else if (opening) fence = opening[1];
    else lines.push({ text, line: index + 1 });
  });
  return lines;
}

const withoutCodeSpans = (text: string) => text.replace(/(`+)[\s\S]*?\1/g, "");

/** Every link and image target of the file, in order. */
export function markdownLinks(markdown: string): MarkdownLink[] {
  return proseLines(markdown).flatMap(({ text, line }) => {
    const prose = withoutCodeSpans(text);
    const definition = REFERENCE_DEFINITION.exec(prose);
    const targets = definition
      ? [definition[1]]
      : [...prose.matchAll(INLINE_LINK)].map((match) => match[1]);
    return targets.map((target) => ({ target: target.replace(/^<(.*)>$/, "$1"), line }));
  });
}

/**
 * The anchor GitHub gives a heading: its text as shown, lower-cased, without punctuation or
 * symbols other than `-` and `_`, each space a hyphen.
 */
export function githubSlug(heading: string): string {
  const shown = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // a link shows its text
    .replace(/<[^>]+>/g, "") // HTML tags show nothing
    .replace(/`/g, "")
    .replace(/\*+/g, "");
  return shown
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of every ATX heading (`## Title`), a repeated one numbered as GitHub does: -1, -2. */
export function headingAnchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  return proseLines(markdown).flatMap(({ text }) => {
    const heading = HEADING.exec(text);
    if (!heading) return [];
    const slug = githubSlug(heading[2]);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    return [count === 0 ? slug : `${slug}-${count}`];
  });
}
