import { Download, Share, SquarePlus } from "@/components/ui/icons";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { promptInstall, useInstallState } from "@/lib/install";

const DISMISSED = "install-hint-dismissed";

/** "Install app": the browser's own dialog where it offers one, short Add-to-Home-Screen steps on iOS. */
export function InstallButton() {
  const { t } = useTranslation("shell");
  const state = useInstallState();
  // No storage when the build prerenders the signed-in frame (the hint shows only on iOS anyway).
  const [dismissed, setDismissed] = useState(() => typeof localStorage !== "undefined" && localStorage.getItem(DISMISSED) === "1");
  if (state === "prompt") {
    return (
      <Button
        variant="ghost"
        size="sm"
        onClick={() =>
          void promptInstall().then((ok) => ok && toast.success(t("install.installed"), { description: t("install.installedDescription") }))
        }
      >
        <Download aria-hidden="true" />
        <span className="hidden lg:inline">{t("install.button")}</span>
        <span className="sr-only lg:hidden">{t("install.button")}</span>
      </Button>
    );
  }
  if (state !== "ios" || dismissed) return null;
  return (
    <Popover>
      <PopoverTrigger asChild>
        <Button variant="ghost" size="sm">
          <Download aria-hidden="true" />
          <span className="hidden lg:inline">{t("install.button")}</span>
          <span className="sr-only lg:hidden">{t("install.button")}</span>
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-72 text-sm">
        <p className="font-medium">{t("install.ios.title")}</p>
        <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-muted-foreground">
          <li>
            <Trans
              t={t}
              i18nKey="install.ios.step1"
              components={{ icon: <Share className="inline size-4 align-text-bottom text-foreground" aria-label={t("install.ios.share")} /> }}
            />
          </li>
          <li>
            <Trans
              t={t}
              i18nKey="install.ios.step2"
              components={{
                strong: <span className="font-medium text-foreground" />,
                icon: <SquarePlus className="inline size-4 align-text-bottom" aria-hidden="true" />,
              }}
            />
          </li>
          <li>{t("install.ios.step3")}</li>
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
          {t("install.ios.dismiss")}
        </Button>
      </PopoverContent>
    </Popover>
  );
}
