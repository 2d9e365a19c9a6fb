import type { Collection, CollectionCreate, CollectionDetail, CollectionUpdate } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

export const collectionKeys = {
  all: ["collections"] as const,
  list: () => ["collections", "list"] as const,
  detail: (id: string) => ["collections", "detail", id] as const,
};

export const collectionListOptions = () =>
  queryOptions({
    queryKey: collectionKeys.list(),
    queryFn: async ({ signal }) => (await api<{ items: Collection[] }>("/api/collections", { signal })).items,
  });

export const collectionOptions = (id: string) =>
  queryOptions({
    queryKey: collectionKeys.detail(id),
    queryFn: ({ signal }) => api<CollectionDetail>(`/api/collections/${id}`, { signal }),
  });

export const createCollection = (body: CollectionCreate) =>
  api<CollectionDetail>("/api/collections", { method: "POST", body: { id: crypto.randomUUID(), ...body } });
export const updateCollection = (id: string, body: CollectionUpdate) =>
  api<CollectionDetail>(`/api/collections/${id}`, { method: "PUT", body });
export const deleteCollection = (id: string) => api<{ deleted: true }>(`/api/collections/${id}`, { method: "DELETE" });
export const removeFromCollection = (id: string, imageId: string) =>
  api<CollectionDetail>(`/api/collections/${id}/images/${imageId}`, { method: "DELETE" });
export const reorderCollection = (id: string, imageId: string, afterImageId: string | null) =>
  api<{ imageId: string; position: string }>(`/api/collections/${id}/reorder`, {
    method: "PUT",
    body: { imageId, afterImageId },
  });

/** The new order after moving `from` to index `to`, and the image it now follows (null = first). */
export function moveInOrder(ids: string[], from: string, to: number): { order: string[]; afterImageId: string | null } {
  const rest = ids.filter((i) => i !== from);
  const order = [...rest.slice(0, to), from, ...rest.slice(to)];
  return { order, afterImageId: to === 0 ? null : (order[to - 1] ?? null) };
}

export const addToCollection = (id: string, imageIds: string[]) =>
  api<CollectionDetail>(`/api/collections/${id}/images`, { method: "POST", body: { imageIds } });
