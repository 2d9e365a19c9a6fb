/**
 * Prompt weighting syntax, as Stable Diffusion front ends write it:
 *   (text:1.3)  explicit weight        (text)  ×1.1 per pair      [text]  ÷1.1 per pair
 *   nesting multiplies: ((text)) = 1.21, ((text:1.5)) = 1.65;  \( \) \[ \] are literal brackets.
 * Unmatched brackets are read as plain text and reported. Pure and total: every input parses, and the
 * tokens' text joined back together is exactly the input (the editor overlays them on the textarea).
 */
import { vm } from "./validation-messages";

export const EMPHASIS_FACTOR = 1.1;
/** Weights outside this range tend to distort the image; the editor warns about them. */
export const SAFE_WEIGHT_RANGE = { min: 0.5, max: 1.5 } as const;

export interface PromptToken {
  /** "syntax" = brackets, `:1.2` suffixes and escape backslashes; "text" = words the model reads. */
  kind: "text" | "syntax";
  text: string;
  start: number;
  end: number;
  /** Effective multiplier at this position (1 = unweighted). */
  weight: number;
}

export interface WeightedTerm {
  text: string;
  weight: number;
  start: number;
  end: number;
}

export type PromptIssueKind = "unclosed" | "unopened" | "extreme-weight" | "empty-group";

export interface PromptIssue {
  kind: PromptIssueKind;
  message: string;
  start: number;
  end: number;
}

export interface ParsedPrompt {
  tokens: PromptToken[];
  /** Runs of text with a weight other than 1, trimmed, in reading order. */
  terms: WeightedTerm[];
  issues: PromptIssue[];
  /** The prompt without any weighting syntax (escaped brackets kept as brackets). */
  plain: string;
}

interface Group {
  open: number;
  close: number;
  kind: "(" | "[";
  weight: number;
  /** Index of the ':' that starts an explicit weight, or -1. */
  colon: number;
}

const CLOSER = { "(": ")", "[": "]" } as const;
const NUMBER = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

function isEscaped(s: string, i: number): boolean {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === "\\"; j--) n++;
  return n % 2 === 1;
}

/** Matches brackets (innermost first), reading explicit `:weight` suffixes of round groups. */
function findGroups(s: string, issues: PromptIssue[]): Group[] {
  const stack: { ch: "(" | "["; at: number }[] = [];
  const groups: Group[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if ((ch !== "(" && ch !== "[" && ch !== ")" && ch !== "]") || isEscaped(s, i)) continue;
    if (ch === "(" || ch === "[") {
      stack.push({ ch, at: i });
      continue;
    }
    const top = stack.at(-1);
    if (!top || CLOSER[top.ch] !== ch) {
      issues.push({ kind: "unopened", message: vm("checks.promptSyntax.unopened", { bracket: ch, position: i + 1 }), start: i, end: i + 1 });
      continue;
    }
    stack.pop();
    groups.push(makeGroup(s, top.ch, top.at, i, groups));
  }
  for (const open of stack) {
    issues.push({ kind: "unclosed", message: vm("checks.promptSyntax.unclosed", { bracket: open.ch, position: open.at + 1 }), start: open.at, end: open.at + 1 });
  }
  return groups;
}

function makeGroup(s: string, kind: "(" | "[", open: number, close: number, inner: Group[]): Group {
  if (kind === "[") return { open, close, kind, weight: 1 / EMPHASIS_FACTOR, colon: -1 };
  // The last ':' inside this group that is not inside a nested group.
  let colon = -1;
  for (let i = close - 1; i > open; i--) {
    const nested = inner.find((g) => g.open > open && g.close < close && g.open <= i && i <= g.close);
    if (nested) {
      i = nested.open;
      continue;
    }
    if (s[i] === ":") {
      colon = i;
      break;
    }
  }
  if (colon !== -1 && NUMBER.test(s.slice(colon + 1, close))) {
    return { open, close, kind, weight: Number(s.slice(colon + 1, close)), colon };
  }
  return { open, close, kind, weight: EMPHASIS_FACTOR, colon: -1 };
}

const round = (w: number) => Math.round(w * 1000) / 1000;

export function parsePrompt(prompt: string): ParsedPrompt {
  const issues: PromptIssue[] = [];
  const groups = findGroups(prompt, issues);
  const n = prompt.length;
  const weight = new Array<number>(n).fill(1);
  const syntax = new Array<boolean>(n).fill(false);

  for (const g of groups) {
    const textEnd = g.colon === -1 ? g.close : g.colon;
    for (let i = g.open + 1; i < textEnd; i++) weight[i] = weight[i]! * g.weight;
    syntax[g.open] = true;
    syntax[g.close] = true;
    if (g.colon !== -1) for (let i = g.colon; i < g.close; i++) syntax[i] = true;
    const inner = prompt.slice(g.open + 1, textEnd);
    if (!inner.trim() || /^[\s()[\]]*$/.test(inner)) {
      issues.push({ kind: "empty-group", message: vm("checks.promptSyntax.emptyGroup", { group: g.kind === "(" ? "( )" : "[ ]", position: g.open + 1 }), start: g.open, end: g.close + 1 });
    }
  }
  for (let i = 0; i < n; i++) {
    if (prompt[i] === "\\" && i + 1 < n && "()[]\\".includes(prompt[i + 1]!) && !isEscaped(prompt, i)) syntax[i] = true;
  }
  // A group's brackets and `:w` suffix carry the group's own weight, so a highlight spans the whole group.
  for (const g of groups) {
    const own = groups.filter((o) => o.open <= g.open && o.close >= g.close).reduce((acc, o) => acc * o.weight, 1);
    weight[g.open] = own;
    weight[g.close] = own;
    if (g.colon !== -1) for (let i = g.colon; i < g.close; i++) weight[i] = own;
  }

  const tokens: PromptToken[] = [];
  for (let i = 0; i < n; i++) {
    const kind = syntax[i] ? "syntax" : "text";
    const w = round(weight[i]!);
    const last = tokens.at(-1);
    if (last && last.kind === kind && last.weight === w) {
      last.text += prompt[i];
      last.end = i + 1;
    } else tokens.push({ kind, text: prompt[i]!, start: i, end: i + 1, weight: w });
  }

  const terms: WeightedTerm[] = [];
  for (const t of tokens) {
    if (t.kind !== "text" || t.weight === 1) continue;
    const lead = t.text.length - t.text.trimStart().length;
    const text = t.text.trim().replace(/^[,;\s]+|[,;\s]+$/g, "");
    if (!text) continue;
    const start = t.start + lead + t.text.trimStart().indexOf(text);
    terms.push({ text, weight: t.weight, start, end: start + text.length });
    if (t.weight > SAFE_WEIGHT_RANGE.max || t.weight < SAFE_WEIGHT_RANGE.min) {
      issues.push({
        kind: "extreme-weight",
        message: vm("checks.promptSyntax.extremeWeight", { text, weight: formatWeight(t.weight), min: SAFE_WEIGHT_RANGE.min, max: SAFE_WEIGHT_RANGE.max }),
        start,
        end: start + text.length,
      });
    }
  }

  const plain = tokens
    .filter((t) => t.kind === "text")
    .map((t) => t.text)
    .join("");
  issues.sort((a, b) => a.start - b.start);
  return { tokens, terms, issues, plain };
}

/** "1.21×" — at most two decimals, no trailing zeros. */
export function formatWeight(weight: number): string {
  return `${Number(weight.toFixed(2))}×`;
}

export type PromptStrengthLevel = "plain" | "gentle" | "strong" | "extreme";

export interface PromptStrength {
  level: PromptStrengthLevel;
  /** Strongest boost and strongest reduction among the weighted terms (1 when there are none). */
  maxWeight: number;
  minWeight: number;
  /** Weighted terms, strongest deviation from 1 first, one entry per distinct text. */
  top: WeightedTerm[];
  summary: string;
}

/** A one-line reading of how hard the prompt pushes its terms, for the hint under the editor. */
export function promptStrength(parsed: ParsedPrompt): PromptStrength {
  const byText = new Map<string, WeightedTerm>();
  for (const t of parsed.terms) {
    const seen = byText.get(t.text);
    if (!seen || Math.abs(Math.log(t.weight)) > Math.abs(Math.log(seen.weight))) byText.set(t.text, t);
  }
  const top = [...byText.values()].sort((a, b) => Math.abs(Math.log(b.weight)) - Math.abs(Math.log(a.weight)));
  const weights = parsed.terms.map((t) => t.weight);
  const maxWeight = Math.max(1, ...weights);
  const minWeight = Math.min(1, ...weights);
  if (!top.length) return { level: "plain", maxWeight, minWeight, top, summary: "No weighting: every word counts the same." };
  const level: PromptStrengthLevel =
    maxWeight > SAFE_WEIGHT_RANGE.max || minWeight < SAFE_WEIGHT_RANGE.min ? "extreme" : maxWeight >= 1.3 || minWeight <= 0.75 ? "strong" : "gentle";
  const lead = top[0]!;
  const what = lead.weight >= 1 ? "Strongest emphasis" : "Strongest reduction";
  const count = `${top.length} weighted term${top.length === 1 ? "" : "s"}`;
  const note = level === "extreme" ? " — very strong; images may distort" : "";
  return { level, maxWeight, minWeight, top, summary: `${count}. ${what}: “${lead.text}” ${formatWeight(lead.weight)}${note}.` };
}

/** Wraps text in an explicit weight, or adjusts the weight of an existing `(text:w)` / `(text)` group. */
export function setWeight(text: string, weight: number): string {
  const w = Number(weight.toFixed(2));
  const m = /^\((.*?)(?::\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*)?\)$/s.exec(text.trim());
  const inner = m ? m[1]! : text.trim();
  return w === 1 ? inner : `(${inner}:${w})`;
}
