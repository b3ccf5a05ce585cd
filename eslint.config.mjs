import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "cdktf.out/", ".gen/", "coverage/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@cdktf/provider-aws",
              message:
                "The package root loads every AWS resource binding (about 1.5 s and 550 MB). Import by deep path: @cdktf/provider-aws/lib/<resource>.",
            },
          ],
          patterns: [
            {
              regex: "^@cdktf/provider-aws/lib(/index)?$",
              message: "Import the one resource you use: @cdktf/provider-aws/lib/<resource>.",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
);
