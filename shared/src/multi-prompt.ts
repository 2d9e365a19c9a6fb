/**
 * Multi-prompt composition: weighted sub-prompts written `castle::2 | forest::1` (a part without `::w` weighs 1).
 * A prompt is multi only when some part carries `::weight`, so `{a|b}` template alternations and a stray `|` in
 * ordinary prose stay ordinary text. Blending interpolates the weights of two prompts across a strip of images.
 */
import { vm } from "./validation-messages";

export interface SubPrompt {
  text: string;
  weight: number;
}

/** Largest weight one part may carry; blends stay within 0..1. */
export const MAX_SUBPROMPT_WEIGHT = 10;
export const MAX_SUBPROMPTS = 6;
export const BLEND_STEPS = { min: 2, max: 8, default: 5 } as const;

const WEIGHTED = /^(.*?)::\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*$/s;

/** The parts of a multi-prompt, or null when the prompt is an ordinary one. Weights are clamped to 0..MAX. */
export function parseMultiPrompt(prompt: string): SubPrompt[] | null {
  if (!prompt.includes("::")) return null;
  const parts: SubPrompt[] = [];
  let weighted = false;
  for (const raw of prompt.split("|")) {
    const m = WEIGHTED.exec(raw);
    const text = (m ? m[1]! : raw).trim();
    if (m) weighted = true;
    if (!text) continue;
    const w = m ? Number(m[2]) : 1;
    parts.push({ text, weight: Math.min(MAX_SUBPROMPT_WEIGHT, Math.max(0, Number.isFinite(w) ? w : 1)) });
  }
  if (!weighted || parts.length === 0) return null;
  return parts.slice(0, MAX_SUBPROMPTS);
}

/** Problems worth telling the writer about (all weights zero, too many parts), or null. */
export function multiPromptProblem(prompt: string): string | null {
  if (!prompt.includes("::")) return null;
  const count = prompt.split("|").filter((p) => p.trim()).length;
  if (count > MAX_SUBPROMPTS) return vm("checks.multiPrompt.tooMany", { max: MAX_SUBPROMPTS });
  const parts = parseMultiPrompt(prompt);
  if (parts && parts.every((p) => p.weight === 0)) return vm("checks.multiPrompt.allZero");
  return null;
}

const fmt = (w: number) => String(Math.round(w * 100) / 100);

export function formatMultiPrompt(parts: readonly SubPrompt[]): string {
  return parts.map((p) => `${p.text}::${fmt(p.weight)}`).join(" | ");
}

/** Each part's share of the whole (weights summing to 1; zero-weight parts dropped). */
export function normalisedParts(parts: readonly SubPrompt[]): SubPrompt[] {
  const total = parts.reduce((s, p) => s + p.weight, 0);
  if (total <= 0) return [];
  return parts.filter((p) => p.weight > 0).map((p) => ({ text: p.text, weight: p.weight / total }));
}

/**
 * One prompt for engines without native multi-prompts. With `weightSyntax` (SD-family engines that read
 * `(text:1.3)`), each part is weighted relative to the average; otherwise parts are ordered by weight — earlier
 * words weigh more in FLUX-style text encoders — and zero-weight parts are left out.
 */
export function flattenMultiPrompt(prompt: string, opts: { weightSyntax: boolean }): string {
  const parts = parseMultiPrompt(prompt);
  if (!parts) return prompt;
  const shares = normalisedParts(parts);
  if (shares.length === 0) return parts.map((p) => p.text).join(", ");
  if (!opts.weightSyntax) {
    return [...shares].sort((a, b) => b.weight - a.weight).map((p) => p.text).join(", ");
  }
  const mean = 1 / shares.length;
  return shares
    .map((p) => {
      const w = Math.round((p.weight / mean) * 100) / 100;
      return w === 1 ? p.text : `(${p.text}:${fmt(w)})`;
    })
    .join(", ");
}

/** The strip of a blend: `steps` prompts going from all of `a` to all of `b`, with the slider's bias. */
export function blendPrompts(a: string, b: string, steps: number): { prompt: string; t: number }[] {
  const n = Math.min(BLEND_STEPS.max, Math.max(BLEND_STEPS.min, Math.round(steps)));
  const [left, right] = [a.trim(), b.trim()];
  return Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return { t, prompt: formatMultiPrompt([{ text: left, weight: 1 - t }, { text: right, weight: t }]) };
  });
}
