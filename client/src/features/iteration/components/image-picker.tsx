import { type ImageList, imageFileUrl } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Trans, useTranslation } from "react-i18next";
import { cn } from "@/lib/cn";
import { call, rpc } from "@/lib/rpc";

/** Your latest images, newest first (shared by every picker on the page). */
export const recentImagesOptions = {
  queryKey: ["iteration", "picker"] as const,
  queryFn: (): Promise<ImageList> => call(rpc.images.index.$get({ query: { limit: "40" } })),
};

/** A strip of your latest images to pick one from. */
export function ImagePicker({
  label,
  value,
  exclude,
  onPick,
}: {
  label: string;
  value?: string;
  /** An image not to offer (e.g. the one being edited). */
  exclude?: string;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation("iteration");
  const { data, isPending } = useQuery(recentImagesOptions);
  const items = (data?.items ?? []).filter((img) => img.id !== exclude);
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-medium">{label}</legend>
      {!isPending && items.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          <Trans
            t={t}
            i18nKey="picker.empty"
            components={{ a: <Link to="/studio" className="font-medium text-primary-strong underline underline-offset-4" /> }}
          />
        </p>
      ) : (
        <div role="listbox" aria-label={label} className="flex gap-2 overflow-x-auto pb-1">
          {items.map((img) => (
            <button
              key={img.id}
              type="button"
              role="option"
              aria-selected={img.id === value}
              aria-label={img.prompt || img.id}
              onClick={() => onPick(img.id)}
              className={cn(
                "size-16 shrink-0 overflow-hidden rounded-md border-2",
                img.id === value ? "border-primary" : "border-transparent",
              )}
            >
              <img src={imageFileUrl(img.id)} alt="" className="size-full object-cover" />
            </button>
          ))}
        </div>
      )}
    </fieldset>
  );
}
