/**
 * Batch sources from a CSV: the header row names fields (prompt, negative prompt, seed, model, aspect ratio) or model
 * parameters; each row is checked with the single-generation schema. Re-exported by batch.ts.
 */
import Papa from "papaparse";
import { z } from "zod";
import { textToImageRequestSchema } from "./generation";
import { type ValidationKey, vm } from "./validation-messages";

/** One row a source yields before seeds and models multiply it. */
export interface BatchRow {
  prompt: string;
  negativePrompt?: string;
  seed?: number;
  modelId?: string;
  parameters: Record<string, unknown>;
  /** 1-based CSV data row, for error messages. */
  row?: number;
}

export const batchRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type BatchRowError = z.infer<typeof batchRowErrorSchema>;

// ------------------------------------------------------------------------------------------------------------
// CSV

const COLUMN_ALIASES: Record<string, "prompt" | "negativePrompt" | "seed" | "modelId" | "aspectRatio"> = {
  prompt: "prompt",
  negativeprompt: "negativePrompt",
  negative: "negativePrompt",
  seed: "seed",
  model: "modelId",
  modelid: "modelId",
  aspectratio: "aspectRatio",
  ratio: "aspectRatio",
};
const normaliseHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");

/** A cell as JSON: numbers and true/false become typed, everything else stays text. */
function cellValue(raw: string): unknown {
  const v = raw.trim();
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === "true" || v === "false") return v === "true";
  return v;
}

/**
 * Reads a CSV with a header row. Known columns (prompt, negative prompt, seed, model, aspect ratio — any case,
 * spaces/underscores ignored) map to fields; any other column is a model parameter (numbers typed). Empty cells
 * mean "use the batch's value". Each row is checked with the single-generation schema; errors name the 1-based
 * data row and the column.
 */
/** Papa Parse's error codes in our words (its own messages are English and name its internals). */
const PARSER_ERRORS: Partial<Record<string, ValidationKey>> = {
  MissingQuotes: "checks.batchRows.csvMissingQuotes",
  InvalidQuotes: "checks.batchRows.csvInvalidQuotes",
  UndetectableDelimiter: "checks.batchRows.csvUndetectableDelimiter",
  TooFewFields: "checks.batchRows.csvTooFewFields",
  TooManyFields: "checks.batchRows.csvTooManyFields",
};

export function parseBatchCsv(
  text: string,
  defaults: { modelId: string },
): { columns: string[]; rows: BatchRow[]; errors: BatchRowError[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  const columns = parsed.meta.fields ?? [];
  const errors: BatchRowError[] = parsed.errors.map((e) => {
    const key = PARSER_ERRORS[e.code];
    return { row: (e.row ?? -1) + 1, column: "", message: key ? vm(key) : e.message };
  });
  if (!columns.some((c) => COLUMN_ALIASES[normaliseHeader(c)] === "prompt")) {
    errors.push({ row: 0, column: "prompt", message: vm("checks.batchRows.csvHeader") });
    return { columns, rows: [], errors };
  }
  const rows: BatchRow[] = [];
  parsed.data.forEach((record, i) => {
    const rowNo = i + 1;
    const out: BatchRow = { prompt: "", parameters: {}, row: rowNo };
    const source: Record<string, string> = {};
    for (const column of columns) {
      const raw = record[column] ?? "";
      const field = COLUMN_ALIASES[normaliseHeader(column)];
      if (field) source[field] = column;
      if (raw.trim() === "") continue;
      if (field === "prompt") out.prompt = raw.trim();
      else if (field === "negativePrompt") out.negativePrompt = raw;
      else if (field === "modelId") out.modelId = raw.trim();
      else if (field === "aspectRatio") out.parameters.aspectRatio = raw.trim();
      else if (field === "seed") {
        const n = Number(raw.trim());
        if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1)
          errors.push({ row: rowNo, column, message: vm("checks.batchRows.notASeed", { value: raw }) });
        else out.seed = n;
      } else out.parameters[column] = cellValue(raw);
    }
    const check = textToImageRequestSchema.safeParse({
      prompt: out.prompt,
      negativePrompt: out.negativePrompt ?? "",
      modelId: out.modelId ?? defaults.modelId,
      parameters: out.parameters,
    });
    if (!check.success) {
      for (const issue of check.error.issues) {
        const [head, key] = issue.path as (string | number)[];
        const column =
          head === "parameters" && typeof key === "string"
            ? key === "aspectRatio"
              ? (source.aspectRatio ?? key)
              : key
            : (source[String(head)] ?? String(head));
        errors.push({ row: rowNo, column, message: issue.message });
      }
    }
    rows.push(out);
  });
  return { columns, rows, errors };
}
