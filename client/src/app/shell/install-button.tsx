import { Download, Share, SquarePlus } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { promptInstall, useInstallState } from "@/lib/install";

const DISMISSED = "install-hint-dismissed";

/** "Install app": the browser's own dialog where it offers one, short Add-to-Home-Screen steps on iOS. */
export function InstallButton() {
  const state = useInstallState();
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED) === "1");
  if (state === "prompt") {
    return (
      <Button
        variant="ghost"
        size="sm"
        onClick={() =>
          void promptInstall().then((ok) => ok && toast.success("Image Studio is installed", { description: "Open it from your home screen or app list — your saved galleries work offline." }))
        }
      >
        <Download aria-hidden="true" />
        <span className="hidden lg:inline">Install app</span>
        <span className="sr-only lg:hidden">Install app</span>
      </Button>
    );
  }
  if (state !== "ios" || dismissed) return null;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm">
          <Download aria-hidden="true" />
          <span className="hidden lg:inline">Install app</span>
          <span className="sr-only lg:hidden">Install app</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72 text-sm">
        <p className="font-medium">Add Image Studio to your Home Screen</p>
        <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-muted-foreground">
          <li>
            In Safari, tap <Share className="inline size-4 align-text-bottom text-foreground" aria-label="Share" />.
          </li>
          <li>
            Choose <span className="font-medium text-foreground">Add to Home Screen</span> <SquarePlus className="inline size-4 align-text-bottom" aria-hidden="true" />.
          </li>
          <li>Open it from your Home Screen: saved galleries then work with no network.</li>
        </ol>
        <Button
          variant="ghost"
          size="sm"
          className="mt-2"
          onClick={() => {
            localStorage.setItem(DISMISSED, "1");
            setDismissed(true);
          }}
        >
          Don't show again
        </Button>
      </PopoverContent>
    </Popover>
  );
}
