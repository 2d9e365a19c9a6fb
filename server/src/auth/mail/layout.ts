import { mailT } from "../../i18n/mail";

/**
 * The one e-mail layout: a table-based, inline-styled card (mail clients ignore <style> and flexbox) in the
 * product's colours — violet #8B5CF6 → pink #EC4899 — with a plain-text twin for every message.
 */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailContent {
  subject: string;
  /** Hidden preview line most clients show next to the subject. */
  preheader: string;
  heading: string;
  /** Paragraphs; plain text (escaped here). */
  paragraphs: string[];
  button?: { label: string; url: string };
  /** Key/value facts (device, IP, time) shown in a small table. */
  facts?: [string, string][];
  /** Small print under the card. */
  footnote?: string;
}

const FONT = "Inter, -apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

/** Renders a message; `language` (the recipient's, see server/src/i18n) sets the layout's own words and `lang`. */
export function renderMail(c: MailContent, appUrl: string, language?: string | null): RenderedMail {
  const { t, language: lang } = mailT(language);
  const p = (t: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.6;color:#374151;">${escapeHtml(t)}</p>`;
  const button = c.button
    ? `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:8px 0 24px;"><tr><td style="border-radius:10px;background:#8B5CF6;background-image:linear-gradient(135deg,#8B5CF6,#EC4899);">
<a href="${escapeHtml(c.button.url)}" style="display:inline-block;padding:12px 24px;font-family:${FONT};font-size:16px;font-weight:600;color:#ffffff;text-decoration:none;border-radius:10px;">${escapeHtml(c.button.label)}</a>
</td></tr></table>
<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#6B7280;">${escapeHtml(t("layout.buttonFallback"))}<br><a href="${escapeHtml(c.button.url)}" style="color:#7C3AED;word-break:break-all;">${escapeHtml(c.button.url)}</a></p>`
    : "";
  const facts = c.facts?.length
    ? `<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="margin:0 0 20px;border:1px solid #E5E7EB;border-radius:10px;background:#F9FAFB;">${c.facts
        .map(
          ([k, v]) =>
            `<tr><td style="padding:8px 14px;font-size:13px;color:#6B7280;width:120px;">${escapeHtml(k)}</td><td style="padding:8px 14px;font-size:13px;color:#111827;font-family:'JetBrains Mono',Menlo,monospace;">${escapeHtml(v)}</td></tr>`,
        )
        .join("")}</table>`
    : "";
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light only"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:0;background:#F3F4F6;font-family:${FONT};">
<span style="display:none!important;visibility:hidden;opacity:0;height:0;width:0;overflow:hidden;">${escapeHtml(c.preheader)}</span>
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="background:#F3F4F6;padding:32px 12px;"><tr><td align="center">
<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:560px;background:#ffffff;border-radius:16px;overflow:hidden;border:1px solid #E5E7EB;">
<tr><td style="height:6px;background:#8B5CF6;background-image:linear-gradient(90deg,#8B5CF6,#EC4899);font-size:0;line-height:0;">&nbsp;</td></tr>
<tr><td style="padding:28px 32px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0"><tr>
<td style="width:32px;height:32px;border-radius:8px;background:#8B5CF6;background-image:linear-gradient(135deg,#8B5CF6,#EC4899);text-align:center;color:#fff;font-weight:700;font-size:16px;line-height:32px;">&#9670;</td>
<td style="padding-left:10px;font-size:16px;font-weight:700;color:#111827;">Image Studio</td>
</tr></table></td></tr>
<tr><td style="padding:16px 32px 12px;">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;font-weight:700;color:#111827;">${escapeHtml(c.heading)}</h1>
${c.paragraphs.map(p).join("\n")}
${facts}${button}
</td></tr>
<tr><td style="padding:16px 32px 28px;border-top:1px solid #F3F4F6;font-size:12px;line-height:1.5;color:#9CA3AF;">
${c.footnote ? `${escapeHtml(c.footnote)}<br>` : ""}${escapeHtml(t("layout.sentBy"))} · <a href="${escapeHtml(appUrl)}" style="color:#9CA3AF;">${escapeHtml(new URL(appUrl).host)}</a>
</td></tr></table></td></tr></table></body></html>`;
  const text = [
    c.heading,
    "",
    ...c.paragraphs.flatMap((t) => [t, ""]),
    ...(c.facts?.length ? [...c.facts.map(([k, v]) => `${k}: ${v}`), ""] : []),
    ...(c.button ? [`${c.button.label}: ${c.button.url}`, ""] : []),
    ...(c.footnote ? [c.footnote, ""] : []),
    `— Image Studio (${appUrl})`,
  ].join("\n");
  return { subject: c.subject, html, text };
}
