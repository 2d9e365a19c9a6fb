import type { ImageDetail, ImageList, ImageListQueryInput, ImageSummary } from "@image-studio/shared";
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { imageKeys } from "../api/queries";

/** Cache surgery for optimistic updates: patch or drop images in every cached list and detail, and undo it. */

export type ListEdit = (img: ImageSummary, query: ImageListQueryInput) => ImageSummary | null;
export type Snapshot = [QueryKey, unknown][];

export async function snapshot(qc: QueryClient, ids: string[]): Promise<Snapshot> {
  await qc.cancelQueries({ queryKey: imageKeys.lists() });
  const lists = qc.getQueriesData({ queryKey: imageKeys.lists() });
  const details = ids.map((id) => [imageKeys.detail(id), qc.getQueryData(imageKeys.detail(id))] as [QueryKey, unknown]);
  return [...lists, ...details.filter(([, d]) => d !== undefined)];
}

export function rollback(qc: QueryClient, snap: Snapshot) {
  for (const [key, data] of snap) qc.setQueryData(key, data);
}

export function editLists(qc: QueryClient, ids: Set<string>, edit: ListEdit) {
  for (const [key, data] of qc.getQueriesData<InfiniteData<ImageList>>({ queryKey: imageKeys.lists() })) {
    if (!data) continue;
    const query = (key[2] ?? {}) as ImageListQueryInput;
    let changed = false;
    const pages = data.pages.map((page) => {
      if (!page.items.some((i) => ids.has(i.id))) return page;
      changed = true;
      const items: ImageSummary[] = [];
      for (const item of page.items) {
        const next = ids.has(item.id) ? edit(item, query) : item;
        if (next) items.push(next);
      }
      return { ...page, items };
    });
    if (changed) qc.setQueryData(key, { ...data, pages });
  }
}

export function editDetails(qc: QueryClient, ids: string[], patch: (d: ImageDetail) => ImageDetail) {
  for (const id of ids) qc.setQueryData<ImageDetail>(imageKeys.detail(id), (d) => (d ? patch(d) : d));
}

/** Lists that may now be out of date are refetched next time they are shown (not now: they can be long). */
export function markListsStale(qc: QueryClient) {
  void qc.invalidateQueries({ queryKey: imageKeys.lists(), refetchType: "none" });
  void qc.invalidateQueries({ queryKey: imageKeys.facets() });
}
