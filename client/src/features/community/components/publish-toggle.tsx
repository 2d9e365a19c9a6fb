import { Globe, Lock } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api";
import { usePublish } from "../api";

/**
 * The image page's "publish to my public gallery" switch. Images start private; publishing needs a public handle
 * (Settings → Privacy), and the toast says so with a way there.
 */
export function PublishToggle({ imageId, isPublic, onChange }: { imageId: string; isPublic: boolean; onChange?: () => void }) {
  const [published, setPublished] = useState(isPublic);
  const publish = usePublish(imageId, (r) => {
    setPublished(r.isPublic);
    onChange?.();
  });
  const toggle = () =>
    publish.mutate(!published, {
      onError: (err) => {
        if (err instanceof ApiError && (err.details as { needsHandle?: boolean } | undefined)?.needsHandle) {
          toast.message("Choose a public handle first", { description: "Your public gallery lives at /u/<handle>.", action: { label: "Open settings", onClick: () => window.location.assign("/settings?tab=privacy") } });
        }
      },
    });
  return (
    <Button variant="outline" size="sm" aria-pressed={published} onClick={toggle} disabled={publish.isPending} title={published ? "Shown on your public profile and the community page" : "Only you can see this image"}>
      {published ? <Globe aria-hidden="true" /> : <Lock aria-hidden="true" />}
      {published ? "Published" : "Publish"}
    </Button>
  );
}
