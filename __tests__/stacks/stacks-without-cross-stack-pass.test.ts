import { exampleSynth } from "../helpers/example-synth";
import type { SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
});

/** The stacks built on StackWithoutCrossStackPass. */
const stacksWithoutThePass = () => [
  ...Object.keys(out.manifest.stacks).filter((name) => name.startsWith("account-")),
  "management",
  "security-members",
];

test("a stack that skips the cross-stack pass declares everything it references and reads other stacks only through their published outputs", () => {
  // These stacks skip cdktf's cross-stack pass (StackWithoutCrossStackPass), so a cdktf
  // reference to another stack's resource would be written out dangling instead of being wired.
  const problems: string[] = [];
  for (const name of stacksWithoutThePass()) {
    const json = out.stack(name);
    const text = JSON.stringify(json);
    for (const [, expression] of text.matchAll(/\$\{([^}]*)\}/g)) {
      for (const [address, data, type, label] of expression.matchAll(
        /\b(data\.)?(aws_[a-z0-9_]+|terraform_remote_state|var)\.([\w-]+)/g,
      )) {
        const declared =
          type === "var"
            ? json.variable?.[label]
            : (data ? json.data : json.resource)?.[type]?.[label];
        if (!declared) problems.push(`${name}: ${address}`);
      }
    }
    for (const [, producer, output] of text.matchAll(
      /terraform_remote_state\.remote-state-([\w-]+)\.outputs\.([\w-]+)/g,
    )) {
      if (!out.stack(producer).output?.[output]) problems.push(`${name}: ${producer}.${output}`);
    }
  }
  expect(problems).toEqual([]);
  expect(
    stacksWithoutThePass().filter((name) =>
      JSON.stringify(out.stack(name)).includes("cross-stack"),
    ),
  ).toEqual([]);
});
