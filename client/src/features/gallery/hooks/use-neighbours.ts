import type { ImageList } from "@image-studio/shared";
import { type InfiniteData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { imageKeys, imageListOptions } from "../api/queries";
import { toListQuery } from "../search";

export interface Neighbours {
  prev?: string;
  next?: string;
}

function around(ids: string[], id: string): Neighbours | null {
  const i = ids.indexOf(id);
  return i < 0 ? null : { prev: ids[i - 1], next: ids[i + 1] };
}

/**
 * The images before and after this one, in the gallery view it was opened from (the most recently loaded list
 * that holds it), or else in the gallery's default order — so a swipe moves through the same sequence as the
 * lightbox.
 */
export function useNeighbours(imageId: string): Neighbours {
  const qc = useQueryClient();
  const fromCache = useMemo(() => {
    const lists = qc
      .getQueryCache()
      .findAll({ queryKey: imageKeys.lists() })
      .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt);
    for (const q of lists) {
      const data = q.state.data as InfiniteData<ImageList> | undefined;
      const found =
        data &&
        around(
          data.pages.flatMap((p) => p.items.map((i) => i.id)),
          imageId,
        );
      if (found) return found;
    }
    return null;
  }, [qc, imageId]);
  const fallback = useInfiniteQuery({ ...imageListOptions(toListQuery({}, "all")), enabled: fromCache === null });
  return useMemo(() => {
    if (fromCache) return fromCache;
    const ids = fallback.data?.pages.flatMap((p) => p.items.map((i) => i.id)) ?? [];
    return around(ids, imageId) ?? {};
  }, [fromCache, fallback.data, imageId]);
}
