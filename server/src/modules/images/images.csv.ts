import type { ImageMetadataExport } from "@image-studio/shared";

/**
 * The CSV of image metadata: one helper for every exporter (the metadata export and the metadata.csv inside
 * gallery and project ZIPs), so every cell is neutralised the same way.
 */

const COLUMNS: (keyof ImageMetadataExport)[] = [
  "id",
  "fileName",
  "prompt",
  "negativePrompt",
  "modelId",
  "modelVersion",
  "operation",
  "seed",
  "width",
  "height",
  "format",
  "fileSize",
  "generationTime",
  "costCredits",
  "parentImageId",
  "projectId",
  "tags",
  "rating",
  "isFavorite",
  "notes",
  "altText",
  "createdAt",
  "parameters",
];

/** A spreadsheet runs a cell starting with one of these as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
const inert = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

/**
 * The cell's text. Numbers and booleans are our own values and stay as they are (a seed of -1 remains a number);
 * every text is made inert — a string, each item of a list such as the tags (so splitting the "; "-joined cell
 * into columns stays safe too), and the cell as a whole.
 */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value))
    return inert(value.map((v) => inert(typeof v === "string" ? v : JSON.stringify(v))).join("; "));
  return inert(typeof value === "object" ? JSON.stringify(value) : String(value));
}

/** One cell: neutralised (see `cellText`), then quoted as RFC 4180 asks. */
export function csvCell(value: unknown): string {
  const s = cellText(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (m: ImageMetadataExport) => `${COLUMNS.map((k) => csvCell(m[k])).join(",")}\r\n`;
/** The header line, with a byte-order mark so spreadsheets read the file as UTF-8. */
export const csvHeader = () => `\uFEFF${COLUMNS.join(",")}\r\n`;
