import { type ImageList, imageFileUrl } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/api";
import { cn } from "@/lib/cn";

/** A strip of your latest images to pick one from. */
export function ImagePicker({ label, value, onPick }: { label: string; value?: string; onPick: (id: string) => void }) {
  const { data } = useQuery({
    queryKey: ["iteration", "picker"],
    queryFn: () => api<ImageList>("/api/images?limit=40"),
  });
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div role="listbox" aria-label={label} className="flex gap-2 overflow-x-auto pb-1">
        {(data?.items ?? []).map((img) => (
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
    </fieldset>
  );
}
