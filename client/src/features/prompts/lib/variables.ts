import { type PromptVariables, promptVariablesSchema } from "@image-studio/shared";
import { i18n } from "@/i18n";

/**
 * A template's variables as the form edits them: one line per variable, `name: value, value, …`.
 * Parsing answers the variables or the first problem, with its line number.
 */
export function formatVariables(v: PromptVariables | undefined): string {
  return Object.entries(v ?? {})
    .map(([name, values]) => `${name}: ${values.join(", ")}`)
    .join("\n");
}

export function parseVariables(text: string): { ok: true; value: PromptVariables } | { ok: false; error: string } {
  const out: Record<string, string[]> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const at = line.indexOf(":");
    if (at <= 0) return { ok: false, error: i18n.t("prompts:variables.format", { line: i + 1 }) };
    const name = line.slice(0, at).trim();
    if (name in out) return { ok: false, error: i18n.t("prompts:variables.duplicate", { line: i + 1, name }) };
    out[name] = line
      .slice(at + 1)
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!out[name].length) return { ok: false, error: i18n.t("prompts:variables.empty", { line: i + 1, name }) };
  }
  const checked = promptVariablesSchema.safeParse(out);
  if (!checked.success) return { ok: false, error: checked.error.issues[0]?.message ?? i18n.t("prompts:variables.check") };
  return { ok: true, value: checked.data };
}

/** Names used as `{name}` in a template (alternations like `{a|b}` are not variables). */
export function variableNamesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((m) => m[1]!))];
}
