import { type BatchPriority, type BatchRequest, parseTemplate } from "@image-studio/shared";

/** What the batch form holds; `toRequest` turns it into the API body (also what presets save). */
export interface ComposeState {
  name: string;
  source: "prompts" | "template" | "csv";
  prompts: string;
  template: string;
  /** Values per variable name, one per line. */
  variables: Record<string, string>;
  csv: string;
  seedMode: "random" | "list" | "range";
  seeds: string;
  seedStart: string;
  seedCount: string;
  modelIds: string[];
  numImages: number;
  aspectRatio: string;
  negativePrompt: string;
  priority: BatchPriority;
  /** A datetime-local value ("" = now). */
  scheduledAt: string;
  projectId: string | null;
}

export const INITIAL: ComposeState = {
  name: "",
  source: "prompts",
  prompts: "",
  template: "",
  variables: {},
  csv: "",
  seedMode: "random",
  seeds: "",
  seedStart: "1",
  seedCount: "4",
  modelIds: [],
  numImages: 1,
  aspectRatio: "1:1",
  negativePrompt: "",
  priority: "normal",
  scheduledAt: "",
  projectId: null,
};

/** Variable names the template uses, in order (an unparsable template has none yet). */
export function templateVariables(template: string): string[] {
  const parsed = parseTemplate(template);
  return parsed.ok ? parsed.template.variables : [];
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Seeds typed as "1, 2, 3" or one a line; anything not a whole number is reported. */
export function parseSeeds(text: string): { seeds: number[]; bad: string[] } {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const seeds: number[] = [];
  const bad: string[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1) seeds.push(n);
    else bad.push(p);
  }
  return { seeds, bad };
}

export function toRequest(s: ComposeState): BatchRequest {
  const [modelId = "", ...more] = s.modelIds;
  const body: BatchRequest = {
    modelId,
    ...(more.length ? { modelIds: more } : {}),
    parameters: { numImages: s.numImages, aspectRatio: s.aspectRatio },
    negativePrompt: s.negativePrompt,
    priority: s.priority,
    ...(s.name.trim() ? { name: s.name.trim() } : {}),
    ...(s.projectId ? { projectId: s.projectId } : {}),
  };
  if (s.source === "prompts") body.prompts = lines(s.prompts);
  else if (s.source === "template") {
    body.template = s.template;
    body.variables = Object.fromEntries(
      templateVariables(s.template).map((name) => [name, lines(s.variables[name] ?? "")]),
    );
  } else body.csv = s.csv;
  if (s.seedMode === "list") body.seeds = parseSeeds(s.seeds).seeds;
  if (s.seedMode === "range")
    body.seedRange = { start: Number(s.seedStart) || 0, count: Math.max(1, Number(s.seedCount) || 1) };
  if (s.scheduledAt) {
    const at = new Date(s.scheduledAt);
    if (!Number.isNaN(at.getTime()) && at.getTime() > Date.now()) body.scheduledAt = at.toISOString();
  }
  return body;
}

/** A preset keeps the set-up, not the schedule or the name. */
export function toPreset(s: ComposeState): Record<string, unknown> {
  const { name: _name, scheduledAt: _at, ...rest } = s;
  return rest;
}

export function fromPreset(config: Record<string, unknown>, current: ComposeState): ComposeState {
  const next = { ...current };
  for (const key of Object.keys(INITIAL) as (keyof ComposeState)[]) {
    if (key in config && typeof config[key] === typeof INITIAL[key])
      (next as Record<string, unknown>)[key] = config[key];
  }
  return next;
}
