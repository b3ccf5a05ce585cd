import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node } from "yaml";
import type { ConfigProblem } from "./config-problem";

/** A parsed YAML file that can say on which line any path inside it starts. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  readonly syntaxProblems: readonly ConfigProblem[];
  readonly lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxProblems: ConfigProblem[] = document.errors.map((error) => ({
    file,
    path: [],
    line: lineCounter.linePos(error.pos[0]).line,
    message: `is not valid YAML: ${error.message.split("\n")[0]}`,
    fix: "Fix the syntax at this line; YAML is indentation-sensitive and tabs are not allowed.",
  }));
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;
  return {
    file,
    data: syntaxProblems.length === 0 ? document.toJS() : undefined,
    syntaxProblems,
    lineOf: (path) => lineAt(offsetOf(document, path)),
  };
}

/**
 * Where the deepest existing part of the path starts. A key that is present points at the key
 * itself, so an unknown or mistyped key is reported on its own line.
 */
function offsetOf(document: Document, path: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === segment,
      );
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (!isNode(node)) break;
      offset = node.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}
