import type { Collection, CollectionCreate, CollectionDetail, CollectionUpdate } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api";
import { i18n } from "@/i18n";
import { orLocal } from "@/lib/local-first";
import { call, rpc } from "@/lib/rpc";

/** Collection ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";
const detail = (id: string, signal?: AbortSignal): Promise<CollectionDetail> =>
  call(rpc.collections[ID].$get({ param: { id } }, { init: { signal } }));
import { engine, enqueue, localCollectionDetail, localCollections, type NewMutation } from "@/offline";

/** Writes go through the outbox; the answer is the server's collection once applied, the device's while queued. */
async function viaOutbox(m: NewMutation, id: string): Promise<CollectionDetail> {
  const entry = await enqueue(m);
  const outcome = await engine.outcome(entry.id);
  const local = () => localCollectionDetail(id);
  if (outcome === "applied") return orLocal(() => detail(id), local);
  const l = await local();
  if (!l) throw new ApiError(0, "NETWORK", i18n.t("collections:offlineQueued"));
  return l;
}

export const collectionKeys = {
  all: ["collections"] as const,
  list: () => ["collections", "list"] as const,
  detail: (id: string) => ["collections", "detail", id] as const,
};

export const collectionListOptions = () =>
  queryOptions({
    queryKey: collectionKeys.list(),
    queryFn: ({ signal }) =>
      orLocal(
        async (): Promise<Collection[]> => (await call(rpc.collections.index.$get(undefined, { init: { signal } }))).items,
        async () => (await localCollections()).map(({ items: _items, ...c }): Collection => c),
      ),
  });

export const collectionOptions = (id: string) =>
  queryOptions({
    queryKey: collectionKeys.detail(id),
    queryFn: ({ signal }) => orLocal(() => detail(id, signal), () => localCollectionDetail(id)),
  });

export function createCollection(body: CollectionCreate) {
  const id = body.id ?? crypto.randomUUID();
  return viaOutbox({ type: "collection.create", collection: { ...body, id } }, id);
}
export const updateCollection = (id: string, body: CollectionUpdate) => viaOutbox({ type: "collection.update", collectionId: id, patch: body }, id);
export async function deleteCollection(id: string): Promise<{ deleted: true }> {
  await engine.outcome((await enqueue({ type: "collection.delete", collectionId: id })).id);
  return { deleted: true };
}
export const removeFromCollection = (id: string, imageId: string) => viaOutbox({ type: "collection.removeImage", collectionId: id, imageId }, id);
export const reorderCollection = (id: string, imageId: string, afterImageId: string | null): Promise<{ imageId: string; position: string }> =>
  call(rpc.collections[ID].reorder.$put({ param: { id }, json: { imageId, afterImageId } }));

/** The new order after moving `from` to index `to`, and the image it now follows (null = first). */
export function moveInOrder(ids: string[], from: string, to: number): { order: string[]; afterImageId: string | null } {
  const rest = ids.filter((i) => i !== from);
  const order = [...rest.slice(0, to), from, ...rest.slice(to)];
  return { order, afterImageId: to === 0 ? null : (order[to - 1] ?? null) };
}

export const addToCollection = (id: string, imageIds: string[]) => viaOutbox({ type: "collection.addImages", collectionId: id, imageIds }, id);
