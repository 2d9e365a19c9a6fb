import { type FrameRequest, formatDuration, type ImageDetail, type UploadResponse } from "@image-studio/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Camera, Pause, Play } from "lucide-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/i18n";
import { ApiError } from "@/lib/api";
import { cn } from "@/lib/cn";
import { call, formBody, rpc } from "@/lib/rpc";

/** Seconds with two decimals ("1.50"), in the app's language. */
const seconds = (s: number) => formatNumber(s, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

const reducedMotion = () => typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/** The frame the browser shows now, as PNG (MP4s: the server has no decoder, so the browser sends the frame). */
async function captureFrame(video: HTMLVideoElement): Promise<Blob> {
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d")!.drawImage(video, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("capture failed"))), "image/png"));
}

/**
 * A video on the image page: MP4 in a native <video> with its poster and controls; the local engine's animated
 * WebP as a looping picture (paused on the poster when the user prefers reduced motion). Below it, a scrubber and
 * "Save frame", which puts that frame in the gallery as a new image in this video's lineage.
 */
export function VideoPanel({ image, className }: { image: ImageDetail; className?: string }) {
  const { t } = useTranslation("video");
  const mp4 = image.format === "mp4";
  const duration = image.durationSeconds ?? 0;
  const fps = Number((image.metadata.video as { fps?: number } | undefined)?.fps ?? 10);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(() => !reducedMotion());
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: async () => {
      const body: FrameRequest = { timeSeconds: time, clientId: `frame-${crypto.randomUUID()}` };
      if (mp4 && videoRef.current) {
        const form = new FormData();
        form.set("file", await captureFrame(videoRef.current), "frame.png");
        form.set("purpose", "source");
        const uploaded: UploadResponse = await call(rpc.uploads.index.$post(undefined, formBody(form)));
        body.uploadId = uploaded.uploadId;
      }
      const frame: ImageDetail = await call(rpc.video[":id"].frames.$post({ param: { id: image.id }, json: body }));
      return frame;
    },
    onSuccess: (frame) => {
      void qc.invalidateQueries({ queryKey: ["images", "list"] });
      void qc.invalidateQueries({ queryKey: ["iteration", "lineage", image.id] });
      toast.success(t("frame.saved", { time: seconds(time) }), {
        description: t("frame.savedDescription"),
        action: { label: t("frame.open"), onClick: () => (window.location.href = `/images/${frame.id}`) },
      });
    },
    onError: (err) => toast.error(t("frame.failed"), { description: err instanceof ApiError ? err.message : t("frame.tryAgain") }),
  });
  const seek = (to: number) => {
    setTime(to);
    if (videoRef.current) videoRef.current.currentTime = to;
  };
  return (
    <div className={cn("flex flex-col gap-3", className)}>
      <div className="flex min-h-72 items-center justify-center overflow-hidden rounded-xl bg-muted md:min-h-80">
        {mp4 ? (
          <video
            ref={videoRef}
            src={image.urls.original}
            poster={image.urls.preview}
            controls
            muted
            loop
            playsInline
            preload="metadata"
            aria-label={image.altText || image.prompt || t("player.video")}
            className="max-h-[60dvh] w-full object-contain"
            onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
          />
        ) : (
          <img
            src={playing ? image.urls.original : image.urls.preview}
            alt={image.altText || image.prompt || t("player.animated")}
            width={image.width}
            height={image.height}
            className="max-h-[60dvh] w-auto object-contain"
          />
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-border bg-card p-3">
        {!mp4 && (
          <Button variant="outline" size="icon" aria-label={playing ? t("player.pause") : t("player.play")} aria-pressed={playing} onClick={() => setPlaying(!playing)}>
            {playing ? <Pause aria-hidden="true" /> : <Play aria-hidden="true" />}
          </Button>
        )}
        <label className="flex min-w-48 flex-1 items-center gap-2 text-sm">
          <span className="shrink-0">{t("scrubber.frameAt")}</span>
          <input
            type="range"
            min={0}
            max={Math.max(0, duration - 1 / fps)}
            step={mp4 ? 0.04 : 1 / fps}
            value={time}
            onChange={(e) => seek(Number(e.target.value))}
            aria-label={t("scrubber.label")}
            aria-valuetext={t("scrubber.valueText", { time: seconds(time) })}
            className="flex-1 accent-primary"
          />
          <span className="w-20 shrink-0 tabular-nums text-muted-foreground">
            {seconds(time)} / {formatDuration(duration)}
          </span>
        </label>
        <Button size="sm" onClick={() => save.mutate()} disabled={save.isPending}>
          <Camera aria-hidden="true" /> {t("frame.save")}
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">
        {mp4 ? t("info.mp4") : t("info.webp")} · {formatDuration(duration)} · {image.width}×{image.height}
        {image.parentImageId && (
          <>
            {" · "}
            <Link to="/images/$imageId" params={{ imageId: image.parentImageId }} className="underline">
              {t("info.source")}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
