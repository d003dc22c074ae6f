// ESLint flat config: strict typed rules everywhere, and no console on the server, whose stdout is the LSP wire.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * `f(...list)` passes each element as an argument: past about 120,000 of them V8 throws a RangeError (a
 * 130,000-argument command, 125,000 diagnostics, a RouterOS array of 131,071 elements all did).
 */
const NO_SPREAD_INTO_CALLS = {
  selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
  message:
    "No spread into a call: a list can hold more elements than a call takes arguments. Loop, or use reduce.",
};

export default tseslint.config(
  {
    ignores: [
      "out/**",
      "dist/**",
      "node_modules/**",
      ".vscode-test/**",
      "**/*.js",
      "**/*.mjs",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            {
              from: "package",
              package: "node:test",
              name: ["test", "it", "describe", "suite", "before", "after", "beforeEach", "afterEach"],
            },
          ],
        },
      ],
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always"],
      // Async signatures are often required by an interface (bench modules, handlers) without awaiting anything.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["server/src/**/*.ts"],
    rules: { "no-console": "error" },
  },
  {
    // No spread into calls in the product (tests may: their lists are small).
    files: ["server/src/**/*.ts", "client/src/**/*.ts", "cli/src/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", NO_SPREAD_INTO_CALLS],
    },
  },
  {
    // The lexer compares char codes with the `Ch` const enum on purpose.
    files: ["server/src/syntax/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-enum-comparison": "off" },
  },
  {
    // Text from outside reaches the workbench only through ui/notify.ts and ui/safeText.ts (SECURITY.md).
    files: ["client/src/**/*.ts"],
    ignores: ["client/src/ui/notify.ts"],
    rules: {
      // The rule's options replace those of the block above: the spread restriction is listed again.
      "no-restricted-syntax": [
        "error",
        NO_SPREAD_INTO_CALLS,
        {
          selector:
            "MemberExpression[object.property.name='window'][property.name=/^(show(Error|Warning|Information)Message|setStatusBarMessage)$/]",
          message:
            "Use ui/notify.ts: it makes message text inert (a [label](command:...) in a certificate or topic must not become a link).",
        },
        {
          selector:
            "CallExpression[callee.property.name='appendMarkdown']:not([arguments.0.type='Literal']):not([arguments.0.type='TaggedTemplateExpression'][arguments.0.tag.name='markdown']):not([arguments.0.type='CallExpression'][arguments.0.callee.name='markdownFormat'])",
          message:
            "Values enter markdown only through the markdown`...` tag or markdownFormat(vscode.l10n.t(...), ...values) of ui/safeText.ts, which escape them.",
        },
        {
          selector:
            "NewExpression[callee.property.name='MarkdownString'][arguments.length>0]:not([arguments.0.type='Literal']):not([arguments.0.name='undefined'])",
          message: "Start a MarkdownString empty and append with the markdown`...` tag of ui/safeText.ts.",
        },
        {
          selector: "AssignmentExpression[left.property.name=/^(isTrusted|supportHtml)$/]",
          message: "Markdown of this extension is never trusted and never renders HTML.",
        },
      ],
    },
  },
  {
    files: [
      "server/src/**/*.ts",
      "cli/src/**/*.ts",
      "client/src/mqtt/**/*.ts",
      "client/src/brokers/**/*.ts",
      "client/src/script/**/*.ts",
      "client/src/messages/**/*.ts",
      "client/src/run/**/*.ts",
      "test/unit/**/*.ts",
      "test/bench/**/*.ts",
      "test/support/**/*.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "vscode",
              message:
                "Only the VS Code side of client/src imports vscode: the core, the CLI, MQTT connections and the runner stay plain Node.",
            },
          ],
        },
      ],
    },
  },
);
