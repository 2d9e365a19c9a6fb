import type { Prompt, PromptUpdate } from "@image-studio/shared";
import { toast } from "sonner";
import { useLive } from "@/lib/use-offline";
import { db, engine, enqueue, enqueueMany, type OutboxEntry, SyncRejected, syncNow } from "@/offline";
import type { PromptInput } from "../lib/transfer";
import { i18n } from "@/i18n";

/**
 * The prompt library lives on the device (Dexie, filled by the sync pull). Every write goes through the outbox:
 * applied locally at once, sent when online; a refusal by the server is shown as a toast.
 */

/** All prompts on the device; undefined while the local database opens. */
export function usePrompts(): Prompt[] | undefined {
  return useLive<Prompt[] | undefined>(() => db().prompts.toArray(), [], undefined);
}

const PROMPT_REF = /^prompt:(.+)$/;

/** Ids of prompts with changes still waiting in the outbox ("not yet synced"). */
export function usePendingPromptIds(): ReadonlySet<string> {
  return useLive<ReadonlySet<string>>(
    async () => {
      const pending = await db().outbox.where("status").equals("pending").toArray();
      return new Set(pending.flatMap((e) => e.entities.flatMap((r) => PROMPT_REF.exec(r)?.[1] ?? [])));
    },
    [],
    new Set(),
  );
}

/** Waits for the server's verdict in the background; a refusal becomes a toast (queued offline = nothing to say). */
function watch(entries: OutboxEntry[], title: () => string) {
  void Promise.all(entries.map((e) => engine.outcome(e.id))).catch((err: unknown) => {
    const message = err instanceof SyncRejected ? err.message : err instanceof Error ? err.message : String(err);
    toast.error(title(), { description: i18n.t("prompts:store.serverCopy", { message }) });
  });
}

const saveFailed = (title: string) => () => i18n.t("prompts:store.saveFailed", { title });

export async function createPrompt(input: PromptInput): Promise<void> {
  watch([await enqueue({ type: "prompt.create", prompt: input })], saveFailed(input.title));
}

/** Sends only the fields that changed (the server merges edits of different fields). */
export async function updatePrompt(prompt: Prompt, patch: PromptUpdate): Promise<void> {
  if (!Object.keys(patch).length) return;
  const entry = await enqueue({
    type: "prompt.update",
    promptId: prompt.id,
    patch,
    baseVersion: prompt.version || null,
  });
  watch([entry], saveFailed(patch.title ?? prompt.title));
}

export const toggleFavorite = (prompt: Prompt) => updatePrompt(prompt, { isFavorite: !prompt.isFavorite });

/**
 * Deletes now and answers an undo. Undo re-creates the prompt under a new id: the server keeps a tombstone for
 * the old one, and a pull page holding both the tombstone and a re-created row would drop the row on devices.
 */
export async function deletePrompt(prompt: Prompt): Promise<() => Promise<void>> {
  watch([await enqueue({ type: "prompt.delete", promptId: prompt.id })], () => i18n.t("prompts:store.deleteFailed", { title: prompt.title }));
  return () =>
    createPrompt({
      id: crypto.randomUUID(),
      title: prompt.title,
      promptText: prompt.promptText,
      negativePrompt: prompt.negativePrompt,
      category: prompt.category,
      tags: prompt.tags,
      isFavorite: prompt.isFavorite,
    });
}

/** Creates many prompts in one outbox transaction (all are queued, or none). */
export async function importPrompts(inputs: PromptInput[]): Promise<void> {
  if (!inputs.length) return;
  const entries = await enqueueMany(inputs.map((prompt) => ({ type: "prompt.create" as const, prompt })));
  watch(entries, inputs.length === 1 ? saveFailed(inputs[0]!.title) : () => i18n.t("prompts:store.importFailed"));
}

/** Pull the server's latest (and push what waits). Resolves with an error message, if any. */
export async function refreshPrompts(): Promise<string | undefined> {
  const report = await syncNow();
  return report.error;
}
