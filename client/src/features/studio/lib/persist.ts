/** Small browser-storage helpers for the studio: the auto-saved draft and this tab's result list. */
import type { StudioValues } from "./form";

const DRAFT_KEY = "studio-draft-v1";
const RESULTS_KEY = "studio-results-v1";
const MAX_RESULTS = 40;

function read<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage | undefined, key: string, value: unknown) {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    /* storage full or blocked: the draft is a convenience */
  }
}

const local = () => (typeof localStorage === "undefined" ? undefined : localStorage);
const session = () => (typeof sessionStorage === "undefined" ? undefined : sessionStorage);

export const loadDraft = () => read<StudioValues>(local(), DRAFT_KEY);
export const saveDraft = (values: StudioValues) => write(local(), DRAFT_KEY, values);

export const loadResults = () => read<string[]>(session(), RESULTS_KEY) ?? [];
export const saveResults = (ids: string[]) => write(session(), RESULTS_KEY, ids.slice(0, MAX_RESULTS));
