/** Filling one saved template from the studio's form: each variable gets a value, each {a|b} alternation a choice. */
import { type ParsedTemplate, parseTemplate } from "@image-studio/shared";

export interface TemplateFields {
  template: ParsedTemplate;
  /** Variables in order of first use, with the values saved with the template. */
  variables: { name: string; values: string[] }[];
  /** Alternations in order, by their index among the template's parts. */
  choices: { part: number; options: string[] }[];
}

export function templateFields(text: string, saved: Record<string, readonly string[]>): TemplateFields | null {
  const parsed = parseTemplate(text);
  if (!parsed.ok) return null;
  const t = parsed.template;
  const choices: TemplateFields["choices"] = [];
  t.parts.forEach((p, i) => {
    if (p.kind === "choice") choices.push({ part: i, options: p.options });
  });
  return { template: t, variables: t.variables.map((name) => ({ name, values: [...(saved[name] ?? [])] })), choices };
}

/** The filled prompt, or the names still missing a value. */
export function fillTemplate(
  fields: TemplateFields,
  values: Record<string, string>,
  picked: Record<number, number>,
): { ok: true; prompt: string } | { ok: false; missing: string[] } {
  const missing = fields.variables.filter((v) => !values[v.name]?.trim()).map((v) => v.name);
  if (missing.length) return { ok: false, missing };
  const out = fields.template.parts
    .map((p, i) => (p.kind === "text" ? p.text : p.kind === "variable" ? values[p.name]!.trim() : (p.options[picked[i] ?? 0] ?? "")))
    .join("");
  return { ok: true, prompt: out.replace(/\s{2,}/g, " ").trim() };
}
