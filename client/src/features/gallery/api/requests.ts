import type { BulkResult, ImageComment, ImageDetail, ImageUpdate, TrashSettings } from "@image-studio/shared";
import { api } from "@/lib/api";

/** The gallery's writes, one function per endpoint. Hooks add optimism, rollback and toasts on top. */

export const updateImage = (id: string, patch: ImageUpdate) => api<ImageDetail>(`/api/images/${id}`, { method: "PUT", body: patch });
export const favoriteImage = (id: string, favorite: boolean) => api<ImageDetail>(`/api/images/${id}/favorite`, { method: "POST", body: { favorite } });
export const rateImage = (id: string, rating: number | null) => api<ImageDetail>(`/api/images/${id}/rate`, { method: "POST", body: { rating } });

type Bulk = "bulk-delete" | "bulk-restore" | "bulk-purge" | "bulk-move" | "bulk-tag" | "bulk-favorite";

/** Bulk calls in chunks the server accepts (BULK_MAX each). */
export async function bulk(action: Bulk, imageIds: string[], extra: Record<string, unknown> = {}): Promise<BulkResult> {
  const affected: string[] = [];
  for (let i = 0; i < imageIds.length; i += 1000) {
    const res = await api<BulkResult>(`/api/images/${action}`, { method: "POST", body: { imageIds: imageIds.slice(i, i + 1000), ...extra } });
    affected.push(...res.affected);
  }
  return { affected };
}

export const emptyTrash = () => api<BulkResult>("/api/images/trash/empty", { method: "POST" });
export const saveTrashSettings = (s: TrashSettings) => api<TrashSettings>("/api/images/trash/settings", { method: "PUT", body: s });

export const addComment = (imageId: string, text: string) => api<ImageComment>(`/api/images/${imageId}/comments`, { method: "POST", body: { text } });
export const editComment = (imageId: string, id: string, text: string) =>
  api<ImageComment>(`/api/images/${imageId}/comments/${id}`, { method: "PUT", body: { text } });
export const deleteComment = (imageId: string, id: string) => api<{ ok: true }>(`/api/images/${imageId}/comments/${id}`, { method: "DELETE" });

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
