import { regenerateSections } from "../../../cli/docs/generated-sections";

const render = (name: string) => (name === "rules" ? ["| rule |", "| --- |"] : undefined);

test("a section is rewritten between its markers, and the text around it is left alone", () => {
  const text =
    "# Page\n\nBefore.\n\n<!-- generated:rules -->\nold\n<!-- /generated:rules -->\n\nAfter.\n";
  const { text: rewritten, sections } = regenerateSections("docs/page.md", text, render);
  expect(rewritten).toBe(
    [
      "# Page",
      "",
      "Before.",
      "",
      "<!-- generated:rules -->",
      "<!-- prettier-ignore-start -->",
      "| rule |",
      "| --- |",
      "<!-- prettier-ignore-end -->",
      "<!-- /generated:rules -->",
      "",
      "After.",
      "",
    ].join("\n"),
  );
  expect(sections).toEqual([{ name: "rules", current: false }]);
  expect(regenerateSections("docs/page.md", rewritten, render)).toEqual({
    text: rewritten,
    sections: [{ name: "rules", current: true }],
  });
});

test("a file without markers is unchanged and has no sections", () => {
  expect(regenerateSections("README.md", "# Title\n", render)).toEqual({
    text: "# Title\n",
    sections: [],
  });
});

test("a marker without its partner, or one naming no section, is an error with file and line", () => {
  expect(() =>
    regenerateSections("docs/page.md", "x\n<!-- generated:rules -->\nbody\n", render),
  ).toThrow("docs/page.md:2: <!-- generated:rules --> needs <!-- /generated:rules -->");
  expect(() =>
    regenerateSections(
      "docs/page.md",
      "<!-- generated:rules -->\n<!-- generated:rules -->\n<!-- /generated:rules -->\n",
      render,
    ),
  ).toThrow("docs/page.md:1: <!-- generated:rules --> needs <!-- /generated:rules --> before");
  expect(() => regenerateSections("docs/page.md", "<!-- /generated:rules -->\n", render)).toThrow(
    "docs/page.md:1: <!-- /generated:rules --> closes no open section.",
  );
  expect(() =>
    regenerateSections(
      "docs/page.md",
      "<!-- generated:rulez -->\n<!-- /generated:rulez -->\n",
      render,
    ),
  ).toThrow('docs/page.md:1: no generated section is called "rulez".');
});
