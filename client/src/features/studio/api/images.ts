import { type ImageDetail, imageDownloadUrl, imageFileUrl } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

export const imageUrls = (id: string) => ({
  thumb: imageFileUrl(id, "thumb-256"),
  preview: imageFileUrl(id, "preview-768"),
  download: imageDownloadUrl(id),
  page: `/images/${id}`,
});

/** One generated image's details (thumbhash for the blur-up, favourite state, alt text). */
export const imageQuery = (id: string) =>
  queryOptions({
    queryKey: ["studio", "image", id],
    queryFn: () => api<ImageDetail>(`/api/images/${id}`),
    staleTime: 60_000,
  });

/** POST /api/images/:id/favorite with the wanted state; answers with the image. */
export const setFavorite = (id: string, favorite: boolean) => api<ImageDetail>(`/api/images/${id}/favorite`, { method: "POST", body: { favorite } });
