import {
  type Duplicates,
  GALLERY_PAGE_DEFAULT,
  type ImageComment,
  type ImageDetail,
  type ImageFacets,
  type ImageList,
  type ImageListQueryInput,
  type RelatedImages,
  type TrashSettings,
} from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { toQueryString } from "../search";

/** Query keys: everything about images lives under ["images"], so one invalidation can reach it all. */
export const imageKeys = {
  all: ["images"] as const,
  lists: () => ["images", "list"] as const,
  list: (q: ImageListQueryInput) => ["images", "list", q] as const,
  detail: (id: string) => ["images", "detail", id] as const,
  related: (id: string) => ["images", "related", id] as const,
  comments: (id: string) => ["images", "comments", id] as const,
  facets: () => ["images", "facets"] as const,
  duplicates: (threshold: number) => ["images", "duplicates", threshold] as const,
  trashSettings: () => ["images", "trash-settings"] as const,
};

/** Pages of the gallery, walked with the server's keyset cursor. */
export const imageListOptions = (q: ImageListQueryInput, limit = GALLERY_PAGE_DEFAULT) =>
  infiniteQueryOptions({
    queryKey: imageKeys.list(q),
    queryFn: ({ pageParam, signal }) => api<ImageList>(`/api/images?${toQueryString({ ...q, cursor: pageParam, limit })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    // Pages are never edited in place by a refetch diff worth keeping; deep-comparing 100k images on every
    // appended page would cost more than re-rendering.
    structuralSharing: false,
  });

export const imageDetailOptions = (id: string) =>
  queryOptions({ queryKey: imageKeys.detail(id), queryFn: ({ signal }) => api<ImageDetail>(`/api/images/${id}`, { signal }) });

export const relatedOptions = (id: string) =>
  queryOptions({ queryKey: imageKeys.related(id), queryFn: ({ signal }) => api<RelatedImages>(`/api/images/${id}/related`, { signal }) });

export const commentsOptions = (id: string) =>
  queryOptions({
    queryKey: imageKeys.comments(id),
    queryFn: async ({ signal }) => (await api<{ items: ImageComment[] }>(`/api/images/${id}/comments`, { signal })).items,
  });

export const facetsOptions = () =>
  queryOptions({ queryKey: imageKeys.facets(), queryFn: ({ signal }) => api<ImageFacets>("/api/images/facets", { signal }), staleTime: 30_000 });

export const duplicatesOptions = (threshold: number) =>
  infiniteQueryOptions({
    queryKey: imageKeys.duplicates(threshold),
    queryFn: ({ pageParam, signal }) =>
      api<Duplicates>(`/api/images/duplicates?threshold=${threshold}&limit=20${pageParam ? `&cursor=${pageParam}` : ""}`, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const trashSettingsOptions = () =>
  queryOptions({ queryKey: imageKeys.trashSettings(), queryFn: ({ signal }) => api<TrashSettings>("/api/images/trash/settings", { signal }) });
