import { type ImageDetail, imageDownloadUrl, imageFileUrl } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** Image ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

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
    queryFn: (): Promise<ImageDetail> => call(rpc.images[ID].$get({ param: { id } })),
    staleTime: 60_000,
  });

/** POST /api/images/:id/favorite with the wanted state; answers with the image. */
export const setFavorite = (id: string, favorite: boolean): Promise<ImageDetail> =>
  call(rpc.images[ID].favorite.$post({ param: { id }, json: { favorite } }));
