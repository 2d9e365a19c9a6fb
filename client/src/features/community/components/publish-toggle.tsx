import { Globe, Lock } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api";
import { usePublish } from "../api";

/**
 * The image page's "publish to my public gallery" switch. Images start private; publishing needs a public handle
 * (Settings → Privacy), and the toast says so with a way there.
 */
export function PublishToggle({ imageId, isPublic, onChange }: { imageId: string; isPublic: boolean; onChange?: () => void }) {
  const { t } = useTranslation("community");
  const [published, setPublished] = useState(isPublic);
  const publish = usePublish(imageId, (r) => {
    setPublished(r.isPublic);
    onChange?.();
  });
  const toggle = () =>
    publish.mutate(!published, {
      onError: (err) => {
        if (err instanceof ApiError && (err.details as { needsHandle?: boolean } | undefined)?.needsHandle) {
          toast.message(t("publish.needsHandle"), { description: t("publish.needsHandleHint"), action: { label: t("publish.openSettings"), onClick: () => window.location.assign("/settings?tab=privacy") } });
        }
      },
    });
  return (
    <Button variant="outline" size="sm" aria-pressed={published} onClick={toggle} disabled={publish.isPending} title={published ? t("publish.publicTitle") : t("publish.privateTitle")}>
      {published ? <Globe aria-hidden="true" /> : <Lock aria-hidden="true" />}
      {published ? t("publish.isPublished") : t("publish.publish")}
    </Button>
  );
}
