import type { BulkResult, ImageComment, ImageDetail, ImageUpdate, TrashSettings } from "@image-studio/shared";
import { call, rpc } from "@/lib/rpc";

/** Image ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";

/** The gallery's writes, one function per endpoint. Hooks add optimism, rollback and toasts on top. */

export const updateImage = (id: string, patch: ImageUpdate): Promise<ImageDetail> => call(rpc.images[ID].$put({ param: { id }, json: patch }));
export const favoriteImage = (id: string, favorite: boolean): Promise<ImageDetail> => call(rpc.images[ID].favorite.$post({ param: { id }, json: { favorite } }));
export const rateImage = (id: string, rating: number | null): Promise<ImageDetail> => call(rpc.images[ID].rate.$post({ param: { id }, json: { rating } }));

/** The bulk actions that take only ids (moves, tags and favourites go through the outbox). */
type Bulk = "bulk-delete" | "bulk-restore" | "bulk-purge";

/** Bulk calls in chunks the server accepts (BULK_MAX each). */
export async function bulk(action: Bulk, imageIds: string[]): Promise<BulkResult> {
  const affected: string[] = [];
  for (let i = 0; i < imageIds.length; i += 1000) {
    const res: BulkResult = await call(rpc.images[action].$post({ json: { imageIds: imageIds.slice(i, i + 1000) } }));
    affected.push(...res.affected);
  }
  return { affected };
}

export const emptyTrash = (): Promise<BulkResult> => call(rpc.images.trash.empty.$post());
export const saveTrashSettings = (s: TrashSettings): Promise<TrashSettings> => call(rpc.images.trash.settings.$put({ json: s }));

export const addComment = (imageId: string, text: string): Promise<ImageComment> => call(rpc.images[ID].comments.$post({ param: { id: imageId }, json: { text } }));
export const editComment = (imageId: string, id: string, text: string): Promise<ImageComment> =>
  call(rpc.images[ID].comments[":commentId"].$put({ param: { id: imageId, commentId: id }, json: { text } }));
export const deleteComment = (imageId: string, id: string): Promise<{ ok: boolean }> =>
  call(rpc.images[ID].comments[":commentId"].$delete({ param: { id: imageId, commentId: id } }));

/**
 * Downloads through a real form post, so the browser streams the file to disk (a ZIP of a thousand originals
 * never sits in page memory).
 */
export function postDownload(path: string, fields: Record<string, string>) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = path;
  form.style.display = "none";
  for (const [name, value] of Object.entries(fields)) {
    const input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  form.remove();
}

export const downloadZip = (ids: string[]) => postDownload("/api/images/bulk-download", { imageIds: ids.join(",") });
export const exportMetadata = (ids: string[], format: "json" | "csv") => postDownload("/api/images/metadata/export", { imageIds: ids.join(","), format });
