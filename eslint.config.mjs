import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".test-results/**", "**/*.js", "**/*.mjs"] },
  ...tseslint.configs.strict,
  {
    rules: {
      // The serialized provider entry must require() lazily inside method bodies (see DESIGN §4).
      "@typescript-eslint/no-require-imports": "off",
    },
  },
);
