import js from "@eslint/js";
import tseslint from "typescript-eslint";

const providerRoot = {
  name: "@cdktf/provider-aws",
  message:
    "The package root loads every AWS resource binding (about 1.5 s and 550 MB). Import by deep path: @cdktf/provider-aws/lib/<resource>.",
};
const providerIndex = {
  regex: "^@cdktf/provider-aws/lib(/index)?$",
  message: "Import the one resource you use: @cdktf/provider-aws/lib/<resource>.",
};
const agplTools = {
  regex: "^@cloud-copilot/iam-(policy|simulate)(/|$)",
  message: "AGPL, a dev dependency for tests only: the product must not load or ship it.",
};
const restrictedImports = (patterns) => [
  "error",
  { paths: [providerRoot], patterns: [providerIndex, ...patterns] },
];

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", ".gen/", "coverage/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": restrictedImports([agplTools]),
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The IAM policy validator and simulator are AGPL: tests may use them, the product may not.
    files: ["__tests__/**"],
    rules: { "no-restricted-imports": restrictedImports([]) },
  },
);
