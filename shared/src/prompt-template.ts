/**
 * Prompt templates: one line that stands for many prompts.
 *
 *   a {cat|dog} in {snow|rain}          alternations: every option, in order (here 4 prompts)
 *   a {animal} at {time}                named variables, values given separately ({ animal: ["cat", "fox"] })
 *   \{ \} \| \\                          a literal brace, pipe or backslash
 *
 * Every alternation and every distinct variable is one dimension; the prompts are their cartesian product, in a
 * fixed order (the first dimension changes slowest, like an odometer). A variable used twice takes the same value
 * in both places. Empty options are allowed (`a {big |}cat`); runs of spaces left behind are collapsed.
 *
 * Pure and deterministic. Counting never expands, and `templateExpansionAt` reaches any prompt directly, so a
 * caller can refuse a huge product, or show its first prompts, without materialising it.
 */
import { vm } from "./validation-messages";

export type TemplatePart =
  | { kind: "text"; text: string }
  | { kind: "choice"; options: string[] }
  | { kind: "variable"; name: string };

export interface TemplateIssue {
  message: string;
  /** Offset in the template where the problem starts. */
  at: number;
}

export interface ParsedTemplate {
  parts: TemplatePart[];
  /** Variable names in order of first use. */
  variables: string[];
}

export type TemplateVariables = Record<string, readonly string[]>;

export const TEMPLATE_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const ESCAPABLE = new Set(["{", "}", "|", "\\"]);

/** Splits a template into text, alternations and variables; problems are reported, never thrown. */
export function parseTemplate(
  template: string,
): { ok: true; template: ParsedTemplate } | { ok: false; issues: TemplateIssue[] } {
  const parts: TemplatePart[] = [];
  const issues: TemplateIssue[] = [];
  const variables: string[] = [];
  let text = "";
  let group: { at: number; options: string[]; current: string; piped: boolean } | null = null;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === "\\" && i + 1 < template.length && ESCAPABLE.has(template[i + 1]!)) {
      if (group) group.current += template[i + 1];
      else text += template[i + 1];
      i++;
      continue;
    }
    if (ch === "{") {
      if (group) {
        issues.push({ at: i, message: vm("checks.template.nested") });
        continue;
      }
      if (text) parts.push({ kind: "text", text });
      text = "";
      group = { at: i, options: [], current: "", piped: false };
      continue;
    }
    if (ch === "}") {
      if (!group) {
        issues.push({ at: i, message: vm("checks.template.unopened") });
        continue;
      }
      group.options.push(group.current);
      const part = closeGroup(group, issues);
      if (part) {
        parts.push(part);
        if (part.kind === "variable" && !variables.includes(part.name)) variables.push(part.name);
      }
      group = null;
      continue;
    }
    if (ch === "|" && group) {
      group.options.push(group.current);
      group.current = "";
      group.piped = true;
      continue;
    }
    if (group) group.current += ch;
    else text += ch;
  }
  if (group) issues.push({ at: group.at, message: vm("checks.template.unclosed") });
  if (text) parts.push({ kind: "text", text });
  return issues.length ? { ok: false, issues } : { ok: true, template: { parts, variables } };
}

function closeGroup(
  group: { at: number; options: string[]; piped: boolean },
  issues: TemplateIssue[],
): TemplatePart | null {
  if (group.piped) return { kind: "choice", options: group.options };
  const name = group.options[0]!.trim();
  if (!name) {
    issues.push({ at: group.at, message: vm("checks.template.empty") });
    return null;
  }
  if (!TEMPLATE_VARIABLE_NAME.test(name)) {
    issues.push({
      at: group.at,
      message: vm("checks.template.badVariable", { variable: `{${name}}` }),
    });
    return null;
  }
  return { kind: "variable", name };
}

/** The sizes of the template's dimensions: one per alternation, one per distinct variable (in `variables` order). */
function dimensions(t: ParsedTemplate, vars: TemplateVariables): number[] {
  const sizes: number[] = [];
  for (const p of t.parts) if (p.kind === "choice") sizes.push(p.options.length);
  for (const name of t.variables) sizes.push(vars[name]?.length ?? 0);
  return sizes;
}

/** Variables the template uses that have no values (unknown, or an empty list). */
export function missingVariables(t: ParsedTemplate, vars: TemplateVariables): string[] {
  return t.variables.filter((name) => !vars[name]?.length);
}

/**
 * How many prompts the template makes, without making them. Products beyond Number.MAX_SAFE_INTEGER come back
 * as Infinity (always "too many").
 */
export function countTemplateExpansions(t: ParsedTemplate, vars: TemplateVariables): number {
  let n = 1;
  for (const size of dimensions(t, vars)) {
    n *= size;
    if (n > Number.MAX_SAFE_INTEGER) return Infinity;
  }
  return n;
}

const tidy = (s: string) => s.replace(/[ \t]{2,}/g, " ").trim();

/** The prompt at `index` (0-based) of the expansion order. */
export function templateExpansionAt(t: ParsedTemplate, vars: TemplateVariables, index: number): string {
  const sizes = dimensions(t, vars);
  const digits = new Array<number>(sizes.length).fill(0);
  let rest = index;
  for (let d = sizes.length - 1; d >= 0; d--) {
    digits[d] = rest % sizes[d]!;
    rest = Math.floor(rest / sizes[d]!);
  }
  const choices = t.parts.filter((p) => p.kind === "choice").length;
  let choice = 0;
  let out = "";
  for (const p of t.parts) {
    if (p.kind === "text") out += p.text;
    else if (p.kind === "choice") out += p.options[digits[choice++]!];
    else out += vars[p.name]![digits[choices + t.variables.indexOf(p.name)]!];
  }
  return tidy(out);
}

/** Prompts `offset` .. `offset + limit - 1` of the expansion, lazily. */
export function* expandTemplate(
  t: ParsedTemplate,
  vars: TemplateVariables,
  opts: { offset?: number; limit?: number } = {},
): Generator<string> {
  const total = countTemplateExpansions(t, vars);
  const start = opts.offset ?? 0;
  const end = Math.min(total, start + (opts.limit ?? Infinity));
  for (let i = start; i < end; i++) yield templateExpansionAt(t, vars, i);
}

/** Parses and checks a template against its variables in one step; the usual entry point. */
export function compileTemplate(
  template: string,
  vars: TemplateVariables = {},
): { ok: true; template: ParsedTemplate; count: number } | { ok: false; issues: TemplateIssue[] } {
  const parsed = parseTemplate(template);
  if (!parsed.ok) return parsed;
  const missing = missingVariables(parsed.template, vars);
  if (missing.length) {
    return {
      ok: false,
      issues: missing.map((name) => ({
        at: template.indexOf(`{${name}`),
        message: vm("checks.template.noValues", { variable: `{${name}}` }),
      })),
    };
  }
  return { ok: true, template: parsed.template, count: countTemplateExpansions(parsed.template, vars) };
}

/** Escapes text so a template reads it literally. */
export function escapeTemplateText(text: string): string {
  return text.replace(/[\\{}|]/g, (c) => `\\${c}`);
}
