import type { ImageSummary } from "@image-studio/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { BlurImage } from "@/components/image/blur-image";
import { Skeleton } from "@/components/ui/skeleton";
import { relatedOptions } from "../../api/queries";

function Strip({ title, items }: { title: string; items: (ImageSummary & { distance?: number })[] }) {
  const { t } = useTranslation("gallery");
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
              aria-label={img.prompt || t("related.image")}
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
  const { t } = useTranslation("gallery");
  const { data, isPending } = useQuery(relatedOptions(imageId));
  if (isPending) return <Skeleton className="h-28 w-full rounded-xl" />;
  if (!data) return null;
  const family = [...(data.parent ? [data.parent] : []), ...data.siblings, ...data.children];
  const any = family.length + data.samePrompt.length + data.similar.length > 0;
  return (
    <div className="flex flex-col gap-5">
      <h2 className="text-base font-semibold">{t("related.title")}</h2>
      {!any && <p className="text-sm text-muted-foreground">{t("related.empty")}</p>}
      <Strip title={t("related.family")} items={family} />
      <Strip title={t("related.samePrompt")} items={data.samePrompt} />
      <Strip title={t("related.similar")} items={data.similar} />
    </div>
  );
}
