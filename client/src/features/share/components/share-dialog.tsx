import { type ShareKind, type ShareLink, shareDefaultsSchema } from "@image-studio/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Share2 } from "lucide-react";
import { useState } from "react";
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

const NOUN: Record<ShareKind, string> = { image: "image", project: "project", collection: "collection" };

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
        <Button variant={variant} size={iconOnly ? "icon" : size} aria-label={iconOnly ? `Share this ${NOUN[kind]}` : undefined}>
          <Share2 aria-hidden="true" /> {!iconOnly && "Share"}
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{link ? "Your link is ready" : `Share this ${NOUN[kind]}`}</DialogTitle>
          <DialogDescription>
            {link
              ? "Anyone with the link can view it — no account needed. You can change or turn it off any time."
              : `Create a link to ${name ? `“${name}”` : `this ${NOUN[kind]}`} that works without an account.`}
          </DialogDescription>
        </DialogHeader>
        {link ? (
          <>
            <ShareResult link={link} />
            <div className="flex flex-wrap justify-between gap-2 border-t border-border pt-4">
              <Button asChild variant="ghost" size="sm">
                <Link to="/shared" onClick={() => setOpen(false)}>
                  Manage shared links
                </Link>
              </Button>
              <Button size="sm" onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </>
        ) : (
          <ShareOptionsForm key={settings.isSuccess ? "user-defaults" : "defaults"} defaults={withUserDefaults(settings.data?.settings?.shareDefaults, kind)} mode="create" submitLabel="Create link" onSubmit={(v) => create.mutateAsync(v)} />
        )}
      </DialogContent>
    </Dialog>
  );
}
