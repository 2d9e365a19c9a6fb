import { type ShareLink, sharedFileUrl } from "@image-studio/shared";
import { Check, Copy, ExternalLink, Share2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatDateTime, i18n } from "@/i18n";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";

/** Copies to the clipboard and says so; `copied` is the toast ("Link copied" unless told). */
export async function copyText(text: string, copied = i18n.t("share:result.linkCopied")) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(copied);
    return true;
  } catch {
    toast.error(i18n.t("share:result.copyFailed"), { description: i18n.t("share:result.copyFailedHint") });
    return false;
  }
}

function CopyButton({ text, label, copied }: { text: string; label: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      onClick={async () => {
        if (await copyText(text, copied)) {
          setDone(true);
          window.setTimeout(() => setDone(false), 1500);
        }
      }}
    >
      {done ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />} {label}
    </Button>
  );
}

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

const escAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The picture a social card or `<img>` embed shows: the link's image (token-scoped), when it has one. */
export function mediaUrl(link: ShareLink): string | null {
  if (!link.thumbImageId) return null;
  return new URL(sharedFileUrl(link.token, link.thumbImageId, "preview-768"), link.url).href;
}

/** What the link may be called in public: an image's name is often its prompt, hidden when the owner hides it. */
export const publicName = (link: ShareLink) =>
  (link.kind !== "image" || link.showPrompt ? link.targetName : "") || i18n.t("share:frame.madeWith");

export function embedCodes(link: ShareLink) {
  const title = escAttr(publicName(link));
  const iframe = `<iframe src="${escAttr(link.url)}" title="${title}" width="800" height="600" style="border:0;border-radius:12px;max-width:100%" loading="lazy" allowfullscreen></iframe>`;
  const media = mediaUrl(link);
  const img = media ? `<a href="${escAttr(link.url)}"><img src="${escAttr(media)}" alt="${title}" style="max-width:100%;border-radius:12px" loading="lazy" /></a>` : null;
  return { iframe, img };
}

export function socialLinks(link: ShareLink) {
  const u = encodeURIComponent(link.url);
  const text = encodeURIComponent(publicName(link));
  const media = mediaUrl(link);
  return [
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { name: "Reddit", href: `https://www.reddit.com/submit?url=${u}&title=${text}` },
    ...(media ? [{ name: "Pinterest", href: `https://www.pinterest.com/pin/create/button/?url=${u}&media=${encodeURIComponent(media)}&description=${text}` }] : []),
  ];
}

/** The created link: copy it, hand it to the phone's share sheet or a network, or embed it in a page. */
export function ShareResult({ link }: { link: ShareLink }) {
  const { t } = useTranslation("share");
  const { iframe, img } = embedCodes(link);
  const canShare = typeof navigator !== "undefined" && typeof navigator.share === "function";
  // A password-protected picture can't show on another site (its cookie stays on this one).
  const imgEmbed = link.hasPassword ? null : img;
  const facts = [
    ...(link.hasPassword ? [t("result.passwordProtected")] : []),
    link.expiresAt ? t("result.expires", { date: formatDateTime(link.expiresAt, WHEN) }) : t("result.neverExpires"),
    link.allowDownload ? t("result.downloadsOn") : t("result.downloadsOff"),
    ...(link.showPrompt ? [] : [t("result.promptHidden")]),
  ];
  return (
    <div className="grid gap-4">
      <div className="grid gap-1.5">
        <Label htmlFor="share-link-url">{t("result.link")}</Label>
        <div className="flex gap-2">
          <Input id="share-link-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
          <CopyButton text={link.url} label={t("result.copyLink")} copied={t("result.linkCopied")} />
        </div>
        <p className="text-xs text-muted-foreground">{facts.join(" · ")}</p>
      </div>
      <div className="flex flex-wrap gap-2" role="group" aria-label={t("result.shareTo")}>
        {canShare && (
          <Button type="button" size="sm" onClick={() => void navigator.share({ title: publicName(link), url: link.url }).catch(() => {})}>
            <Share2 aria-hidden="true" /> {t("result.shareSheet")}
          </Button>
        )}
        {socialLinks(link).map((s) => (
          <Button key={s.name} asChild variant="outline" size="sm">
            <a href={s.href} target="_blank" rel="noopener noreferrer">
              {s.name}
              <ExternalLink aria-hidden="true" />
              <span className="sr-only">{t("result.newTab")}</span>
            </a>
          </Button>
        ))}
        <Button asChild variant="ghost" size="sm">
          <a href={link.url} target="_blank" rel="noopener">
            {t("result.openPage")} <ExternalLink aria-hidden="true" />
            <span className="sr-only">{t("result.newTab")}</span>
          </a>
        </Button>
      </div>
      <Tabs defaultValue="iframe">
        <div className="flex items-center justify-between gap-2">
          <span className="text-sm font-medium">{t("result.embed")}</span>
          <TabsList>
            <TabsTrigger value="iframe">{t("result.embedPage")}</TabsTrigger>
            {imgEmbed && <TabsTrigger value="img">{t("result.embedImage")}</TabsTrigger>}
          </TabsList>
        </div>
        <TabsContent value="iframe" className="grid gap-2">
          <Textarea readOnly aria-label={t("result.embedPageCode")} value={iframe} rows={3} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
          <CopyButton text={iframe} label={t("result.copyEmbed")} copied={t("result.embedCopied")} />
        </TabsContent>
        {imgEmbed && (
          <TabsContent value="img" className="grid gap-2">
            <Textarea readOnly aria-label={t("result.embedImageCode")} value={imgEmbed} rows={3} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={imgEmbed} label={t("result.copyImageCode")} copied={t("result.imageCodeCopied")} />
          </TabsContent>
        )}
      </Tabs>
    </div>
  );
}
