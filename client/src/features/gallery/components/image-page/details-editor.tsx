import { type ImageDetail, LIMITS } from "@image-studio/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { Input } from "@/components/ui/input";
import type { ImageActions } from "../../hooks/use-image-actions";
import { TagInput } from "../tag-input";

/** Tags (saved as they change), notes and alt text (saved when the field loses focus). */
export function DetailsEditor({ image, actions }: { image: ImageDetail; actions: ImageActions }) {
  const { t } = useTranslation("gallery");
  const [notes, setNotes] = useState(image.notes);
  const [alt, setAlt] = useState(image.altText);
  const save = (patch: { tags?: string[]; notes?: string; altText?: string }) => actions.update.mutate({ id: image.id, patch });
  return (
    <div className="flex flex-col gap-4">
      <TagInput id="image-tags" label={t("details.tags")} value={image.tags} onChange={(tags) => save({ tags })} />
      <div className="grid gap-2">
        <Label htmlFor="image-alt">{t("details.alt")}</Label>
        <Input id="image-alt" value={alt} maxLength={1000} onChange={(e) => setAlt(e.target.value)} onBlur={() => alt !== image.altText && save({ altText: alt })} />
        <p className="text-xs text-muted-foreground">{t("details.altHint")}</p>
      </div>
      <div className="grid gap-2">
        <Label htmlFor="image-notes">{t("details.notes")}</Label>
        <Textarea
          id="image-notes"
          value={notes}
          rows={3}
          maxLength={LIMITS.descriptionMaxLength}
          onChange={(e) => setNotes(e.target.value)}
          onBlur={() => notes !== image.notes && save({ notes })}
          placeholder={t("details.notesPlaceholder")}
        />
      </div>
    </div>
  );
}
