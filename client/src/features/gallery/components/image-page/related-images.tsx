import type { ImageSummary } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { BlurImage } from "@/components/image/blur-image";
import { Skeleton } from "@/components/ui/skeleton";
import { relatedOptions } from "../../api/queries";

function Strip({ title, items }: { title: string; items: (ImageSummary & { distance?: number })[] }) {
  if (!items.length) return null;
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4 lg:grid-cols-6">
        {items.map((img) => (
          <li key={img.id}>
            <Link
              to="/images/$imageId"
              params={{ imageId: img.id }}
              className="group block overflow-hidden rounded-xl shadow-sm transition-[box-shadow,transform] duration-200 hover:-translate-y-0.5 hover:shadow-md motion-reduce:hover:translate-y-0"
              aria-label={img.prompt || "Related image"}
            >
              <BlurImage image={img} className="aspect-square" alt="" />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Images from the same parent, with the same prompt, or that look alike (perceptual hash). */
export function RelatedImages({ imageId }: { imageId: string }) {
  const { data, isPending } = useQuery(relatedOptions(imageId));
  if (isPending) return <Skeleton className="h-28 w-full rounded-xl" />;
  if (!data) return null;
  const family = [...(data.parent ? [data.parent] : []), ...data.siblings, ...data.children];
  const any = family.length + data.samePrompt.length + data.similar.length > 0;
  return (
    <div className="flex flex-col gap-5">
      <h2 className="text-base font-semibold">Related images</h2>
      {!any && <p className="text-sm text-muted-foreground">Nothing related yet: variations, remixes and look-alikes of this image will show up here.</p>}
      <Strip title="Same family" items={family} />
      <Strip title="Same prompt" items={data.samePrompt} />
      <Strip title="Looks similar" items={data.similar} />
    </div>
  );
}
