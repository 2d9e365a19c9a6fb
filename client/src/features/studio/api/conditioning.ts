import type { ControlPreviewRequest, UploadResponse } from "@image-studio/shared";
import { ApiError, api, unwrap } from "@/lib/api";
import { i18n } from "@/i18n";

/** Uploads a control or reference image (kept as an upload; the job names it by id). */
export const uploadConditioningImage = (file: Blob, name: string) => {
  const form = new FormData();
  form.set("file", file, name);
  form.set("purpose", "source");
  return api<UploadResponse>("/api/uploads", { method: "POST", body: form });
};

/** The edge or depth map the engine will follow, as an object URL (the caller revokes it). */
export async function controlPreview(body: ControlPreviewRequest, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch("/api/generate/control-preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("studio:conditioning.offline"));
  }
  if (!res.ok) await unwrap(res);
  return URL.createObjectURL(await res.blob());
}
