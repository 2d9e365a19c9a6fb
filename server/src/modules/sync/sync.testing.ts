import { randomUUID } from "node:crypto";
import { type SyncMutation, type SyncMutationResult, type SyncPull, syncPullSchema, syncPushSchema } from "@image-studio/shared";
import { expect } from "vitest";
import { caller, insertRow } from "../../../test/images/fixtures";
import { signUp, type SignedUpUser, type TestApp } from "../../../test/harness";

/** Helpers of the sync tests (not a test file itself). */

export interface SyncUser {
  u: SignedUpUser;
  id: string;
  call: ReturnType<typeof caller>;
  pull: (cursor?: string, limit?: number) => Promise<SyncPull>;
  push: (mutations: (SyncMutation | Record<string, unknown>)[]) => Promise<SyncMutationResult[]>;
  /** Every page from `cursor` on, merged (each page checked against the contract). */
  pullAll: (cursor?: string, limit?: number) => Promise<{ pages: SyncPull[]; cursor: string }>;
  image: (over?: Parameters<typeof insertRow>[2]) => Promise<string>;
}

/** A fresh user, or `existing` (e.g. a team member made by the team helpers), with sync helpers. */
export async function syncUser(t: TestApp, existing?: SignedUpUser): Promise<SyncUser> {
  const u = existing ?? (await signUp(t));
  const call = caller(t, u);
  const pull = async (cursor?: string, limit?: number) => {
    const qs = new URLSearchParams();
    if (cursor) qs.set("cursor", cursor);
    if (limit) qs.set("limit", String(limit));
    const res = await call(`/api/sync/pull?${qs}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return syncPullSchema.parse(await res.json());
  };
  const push = async (mutations: unknown[]) => {
    const res = await call("/api/sync/push", { body: { mutations } });
    expect(res.status, await res.clone().text()).toBe(200);
    return syncPushSchema.parse(await res.json()).results;
  };
  const pullAll = async (cursor?: string, limit?: number) => {
    const pages: SyncPull[] = [];
    let c = cursor;
    for (let i = 0; i < 100; i++) {
      const page = await pull(c, limit);
      pages.push(page);
      c = page.cursor;
      if (!page.hasMore) break;
    }
    return { pages, cursor: c ?? "0" };
  };
  const image = async (over: Parameters<typeof insertRow>[2] = {}) => (await insertRow(t, u.user.id, over)).id;
  return { u, id: u.user.id, call, pull, push, pullAll, image };
}

export const mid = () => randomUUID();

/** Everything a list of pages delivered, as `kind:id@version` in delivery order per kind. */
export function delivered(pages: SyncPull[]) {
  const all = pages.flatMap((p) => [
    ...p.images.map((r) => ({ kind: "image", id: r.id, version: r.version })),
    ...p.projects.map((r) => ({ kind: "project", id: r.id, version: r.version })),
    ...p.collections.map((r) => ({ kind: "collection", id: r.id, version: r.version })),
    ...p.prompts.map((r) => ({ kind: "prompt", id: r.id, version: r.version })),
    ...p.tombstones.map((r) => ({ kind: `tombstone:${r.entity}`, id: r.id, version: r.version })),
  ]);
  return all;
}
