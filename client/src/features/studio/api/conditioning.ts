import type { ControlPreviewRequest, UploadResponse } from "@image-studio/shared";
import { ApiError } from "@/lib/api";
import { call, formBody, rpc } from "@/lib/rpc";
import { i18n } from "@/i18n";

/** Uploads a control or reference image (kept as an upload; the job names it by id). */
export const uploadConditioningImage = (file: Blob, name: string): Promise<UploadResponse> => {
  const form = new FormData();
  form.set("file", file, name);
  form.set("purpose", "source");
  return call(rpc.uploads.index.$post(undefined, formBody(form)));
};

/** The edge or depth map the engine will follow, as an object URL (the caller revokes it). */
export async function controlPreview(body: ControlPreviewRequest, signal?: AbortSignal): Promise<string> {
  const sent = rpc.generate["control-preview"].$post({ json: body }, { init: { signal } });
  const res = await sent.catch(() => {
    throw new ApiError(0, "NETWORK", i18n.t("studio:conditioning.offline"));
  });
  if (!res.ok) await call(sent);
  return URL.createObjectURL(await res.blob());
}
