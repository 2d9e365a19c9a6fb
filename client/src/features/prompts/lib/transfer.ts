import { type Prompt, promptCreateSchema } from "@image-studio/shared";
import type { z } from "zod";
import { i18n } from "@/i18n";

/** Export and import of the prompt library as JSON. Imports are checked with the shared create schema. */

export type PromptInput = z.output<typeof promptCreateSchema>;

export const EXPORT_FORMAT = "image-studio.prompts";
export const MAX_IMPORT = 1000;

export interface ImportProblem {
  /** 1-based position in the file. */
  index: number;
  label: string;
  message: string;
}

export interface ImportResult {
  valid: PromptInput[];
  invalid: ImportProblem[];
  /** Entries already in the library (same title, prompt and negative prompt), skipped. */
  duplicates: number;
  /** The file itself could not be read. */
  error?: string;
}

const FIELDS = ["title", "promptText", "negativePrompt", "category", "tags", "isFavorite"] as const;

export function exportPrompts(prompts: readonly Prompt[], now = new Date()): string {
  const items = prompts.map((p) => ({
    id: p.id,
    title: p.title,
    promptText: p.promptText,
    negativePrompt: p.negativePrompt,
    category: p.category,
    tags: p.tags,
    isFavorite: p.isFavorite,
    usageCount: p.usageCount,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  }));
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), prompts: items }, null, 2);
}

const contentKey = (p: { title: string; promptText: string; negativePrompt?: string }) =>
  [p.title.trim(), p.promptText.trim(), (p.negativePrompt ?? "").trim()].join("\u0000").toLowerCase();

function entriesOf(data: unknown): unknown[] | null {
  if (Array.isArray(data)) return data;
  if (data && typeof data === "object" && Array.isArray((data as { prompts?: unknown }).prompts))
    return (data as { prompts: unknown[] }).prompts;
  return null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Reads an export (ours: `{ format, prompts: [...] }`, or a bare array). Every valid entry gets a freshly minted
 * id — an id from the file may belong to a prompt of this library, to one deleted here, or to another account.
 */
export function parseImport(
  text: string,
  existing: readonly Prompt[],
  mint: () => string = () => crypto.randomUUID(),
): ImportResult {
  const result: ImportResult = { valid: [], invalid: [], duplicates: 0 };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...result, error: i18n.t("prompts:transfer.notJson") };
  }
  const entries = entriesOf(data);
  if (!entries) return { ...result, error: i18n.t("prompts:transfer.noPrompts") };
  if (entries.length > MAX_IMPORT)
    return { ...result, error: i18n.t("prompts:transfer.tooMany", { count: entries.length, max: MAX_IMPORT }) };
  const seen = new Set(existing.map(contentKey));
  entries.forEach((entry, n) => {
    const index = n + 1;
    if (!entry || typeof entry !== "object" || Array.isArray(entry)) {
      result.invalid.push({ index, label: i18n.t("prompts:transfer.entry", { index }), message: i18n.t("prompts:transfer.notObject") });
      return;
    }
    const raw = entry as Record<string, unknown>;
    const label = typeof raw.title === "string" && raw.title.trim() ? raw.title.trim() : i18n.t("prompts:transfer.entry", { index });
    const picked: Record<string, unknown> = { id: mint() };
    for (const f of FIELDS) if (raw[f] !== undefined) picked[f] = raw[f];
    const parsed = promptCreateSchema.safeParse(picked);
    if (!parsed.success) {
      result.invalid.push({ index, label, message: parsed.error.issues.map(describeIssue).join("; ") });
      return;
    }
    const key = contentKey(parsed.data);
    if (seen.has(key)) {
      result.duplicates += 1;
      return;
    }
    seen.add(key);
    result.valid.push({ ...parsed.data, category: parsed.data.category?.trim() || null });
  });
  return result;
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(text: string, filename: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
