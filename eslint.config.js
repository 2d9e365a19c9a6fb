// @ts-check
import { readdirSync, readFileSync } from "node:fs";
import js from "@eslint/js";
import i18next from "eslint-plugin-i18next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const features = (() => {
  try {
    return readdirSync("client/src/features", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
})();

/**
 * Features whose calls are typed from the server's routes (client/src/lib/rpc.ts) — all of them since `api<T>()`
 * was removed: a bare `unwrap<T>()` (a cast) is refused there. A new feature folder joins this list.
 */
const typedWire = new Set([
  "account", "admin", "auth", "batch", "collections", "community", "dashboard", "developer", "gallery", "image-edit", "iteration", "models",
  "notifications", "palette", "projects", "prompts", "queue", "search", "settings", "share", "studio", "teams", "usage", "video",
]);

/**
 * Folders whose screens read every string from the translation catalog (client/src/i18n/extracted.json): literal
 * text in JSX, and in the attributes people read or hear, is refused there.
 */
const extracted = /** @type {{ paths: string[] }} */ (JSON.parse(readFileSync("client/src/i18n/extracted.json", "utf8"))).paths;
const translatedText = extracted.length
  ? [
      {
        files: extracted.map((p) => `client/src/${p}/**/*.tsx`),
        ignores: ["**/*.test.tsx"],
        plugins: { i18next },
        rules: {
          "i18next/no-literal-string": [
            "error",
            {
              mode: "jsx-only",
              "jsx-attributes": { include: ["label", "aria-label", "placeholder", "title", "alt", "description", "hint", "heading", "aria-valuetext", "emptyText", "confirmLabel"] },
              message: "Text people read comes from the catalog: t(\"…\") (client/src/i18n).",
            },
          ],
        },
      },
    ]
  : [];

/** Client features never import each other: shared code goes to components/, lib/ or offline/. */
const featureBoundaries = features.map((name) => ({
  files: [`client/src/features/${name}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            group: ["@/features/*", `!@/features/${name}`, `!@/features/${name}/**`],
            message: "Features never import each other; move shared code to components/, lib/ or offline/.",
          },
          { group: ["@image-studio/server", "@image-studio/server/*"], allowTypeImports: true, message: "The client imports only types from the server." },
        ],
        paths: typedWire.has(name)
          ? [{ name: "@/lib/api", importNames: ["api", "unwrap"], message: "Call the API through the typed client: call(rpc.<area>...) from @/lib/rpc." }]
          : [],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "client/src/routeTree.gen.ts", "client/dev-dist/**", "data/**", "server/src/db/migrations/**", "coverage/**", "**/*.tmp.*", ".scratch-*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["server/**/*.ts", "scripts/**/*.mjs", "bench/**/*.{ts,mjs}", "vite.config.ts", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["server/src/**/*.ts"],
    ignores: ["server/src/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through server/src/env.ts." }],
    },
  },
  {
    // Benchmarks drive Chromium: code inside page.evaluate() runs in the browser.
    files: ["bench/**/*.{mjs,ts}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ["client/public/**/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
  },
  {
    files: ["client/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@image-studio/server", "@image-studio/server/*"], allowTypeImports: true, message: "The client imports only types from the server." }] },
      ],
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    ignores: ["client/src/lib/env.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.type='MetaProperty'][property.name='env']", message: "Read import.meta.env through client/src/lib/env.ts." },
      ],
    },
  },
  ...featureBoundaries,
  ...translatedText,
  {
    files: ["client/src/sw/**/*.ts"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
);
