import js from "@eslint/js";
import { defineConfig } from "eslint/config";
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
/** @param {{ regex: string; message: string }[]} patterns */
const restrictedImports = (patterns) => [
  "error",
  { paths: [providerRoot], patterns: [providerIndex, ...patterns] },
];

export default defineConfig(
  { ignores: ["node_modules/", "cdktf.out/", ".gen/", "coverage/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // tsconfig.json covers every .ts file; the few .js/.mjs files outside it are typed by
        // TypeScript's default project (at most eight files, or linting slows down).
        projectService: {
          allowDefaultProject: ["*.js", "*.mjs", "bench/*.js", "cli/*.js"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "no-restricted-imports": restrictedImports([agplTools]),
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Plain CommonJS run by node: the config files, the TypeScript hook and the benchmark probes.
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { __dirname: "readonly", console: "readonly", process: "readonly" },
    },
    rules: {
      // require() is the module system of these files, not a style choice.
      "@typescript-eslint/no-require-imports": "off",
      // Destructuring require() is how they import; node:path's functions are typed as methods.
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    // The IAM policy validator and simulator are AGPL: tests may use them, the product may not.
    files: ["__tests__/**"],
    rules: { "no-restricted-imports": restrictedImports([]) },
  },
  {
    // Tests read synthesized Terraform JSON, workflow YAML and CLI output, which are untyped by
    // nature (`any` from JSON.parse and expect): the assertions check their shape at run time.
    files: ["__tests__/**"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
);
