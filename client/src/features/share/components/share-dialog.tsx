import { type ShareKind, type ShareLink, shareDefaultsSchema } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Share2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { userSettingsQuery } from "@/lib/user-settings";
import { createShare, shareKeys } from "../api";
import { newLinkDefaults, ShareOptionsForm, type ShareOptions, toCreate } from "./share-options-form";
import { ShareResult } from "./share-result";

/** A new link starts from the user's defaults (Settings → Privacy & data), else the product's. */
function withUserDefaults(raw: unknown, kind: ShareKind): ShareOptions {
  const base = { ...newLinkDefaults, reviewable: kind !== "image" };
  const d = shareDefaultsSchema.safeParse(raw);
  if (!d.success) return base;
  return { ...base, usePassword: d.data.password, expiry: d.data.expiry, allowDownload: d.data.allowDownload, showPrompt: d.data.showPrompt };
}

const SHARE_THIS = { image: "dialog.shareImage", project: "dialog.shareProject", collection: "dialog.shareCollection" } as const;
const CREATE_FOR = { image: "dialog.createImage", project: "dialog.createProject", collection: "dialog.createCollection" } as const;

/**
 * The Share button of an image, project or collection: choose the link's options, then copy it, send it to the
 * phone's share sheet or a network, or embed it. Every link shows up under Shared links.
 */
export function ShareButton({
  kind,
  targetId,
  name,
  size = "sm",
  variant = "outline",
  iconOnly = false,
}: {
  kind: ShareKind;
  targetId: string;
  name?: string;
  size?: ButtonProps["size"];
  variant?: ButtonProps["variant"];
  iconOnly?: boolean;
}) {
  const { t } = useTranslation("share");
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<ShareLink | null>(null);
  const qc = useQueryClient();
  const settings = useQuery({ ...userSettingsQuery, enabled: open });
  const create = useMutation({
    mutationFn: (v: ShareOptions) => createShare(kind, targetId, toCreate(v)),
    onSuccess: (l) => {
      setLink(l);
      void qc.invalidateQueries({ queryKey: shareKeys.list() });
    },
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setLink(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant} size={iconOnly ? "icon" : size} aria-label={iconOnly ? t(SHARE_THIS[kind]) : undefined}>
          <Share2 aria-hidden="true" /> {!iconOnly && t("dialog.share")}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{link ? t("dialog.ready") : t(SHARE_THIS[kind])}</DialogTitle>
          <DialogDescription>
            {link ? t("dialog.readyHint") : name ? t("dialog.createNamed", { name }) : t(CREATE_FOR[kind])}
          </DialogDescription>
        </DialogHeader>
        {link ? (
          <>
            <ShareResult link={link} />
            <div className="flex flex-wrap justify-between gap-2 border-t border-border pt-4">
              <Button asChild variant="ghost" size="sm">
                <Link to="/shared" onClick={() => setOpen(false)}>
                  {t("dialog.manage")}
                </Link>
              </Button>
              <Button size="sm" onClick={() => setOpen(false)}>
                {t("dialog.done")}
              </Button>
            </div>
          </>
        ) : (
          <ShareOptionsForm key={settings.isSuccess ? "user-defaults" : "defaults"} defaults={withUserDefaults(settings.data?.settings?.shareDefaults, kind)} mode="create" submitLabel={t("dialog.create")} onSubmit={(v) => create.mutateAsync(v)} />
        )}
      </DialogContent>
    </Dialog>
  );
}
