import type { ShareLink } from "@image-studio/shared";
import { describe, expect, it } from "vitest";
import { editDefaults, newLinkDefaults, toCreate, toUpdate } from "./share-options-form";
import { embedCodes, socialLinks } from "./share-result";

const link: ShareLink = {
  id: "00000000-0000-4000-8000-000000000001",
  token: "t".repeat(43),
  kind: "image",
  targetId: "00000000-0000-4000-8000-000000000002",
  targetName: 'a "quoted" <prompt>',
  thumbImageId: "00000000-0000-4000-8000-000000000002",
  url: `https://studio.example/s/${"t".repeat(43)}`,
  hasPassword: true,
  expiresAt: null,
  allowDownload: true,
  showPrompt: true,
  allowReview: false,
  reviews: { approved: 0, changesRequested: 0 },
  viewCount: 0,
  lastViewedAt: null,
  revokedAt: null,
  status: "active",
  createdAt: "2026-12-01T00:00:00.000Z",
};

describe("share options → API bodies", () => {
  it("a new link sends the password only when asked for, and the expiry as a preset or a date", () => {
    expect(toCreate(newLinkDefaults)).toEqual({ expiresAt: null, allowDownload: true, showPrompt: true });
    expect(toCreate({ ...newLinkDefaults, usePassword: true, password: "open sesame", expiry: "7d" })).toEqual({
      expiresIn: "7d",
      allowDownload: true,
      showPrompt: true,
      password: "open sesame",
    });
    const body = toCreate({ ...newLinkDefaults, expiry: "date", expiresOn: "2999-01-02T03:04" });
    expect(new Date(body.expiresAt!).getFullYear()).toBe(2999);
  });

  it("an edit keeps the password and expiry unless changed, and removes the password when switched off", () => {
    const keep = editDefaults(link);
    expect(toUpdate(keep)).toEqual({ allowDownload: true, showPrompt: true });
    expect(toUpdate({ ...keep, usePassword: false })).toMatchObject({ password: null });
    expect(toUpdate({ ...keep, password: "a new one" })).toMatchObject({ password: "a new one" });
    expect(toUpdate({ ...keep, expiry: "never" })).toMatchObject({ expiresAt: null });
  });

  it("sends review only for project and collection links: on when asked for a new one, either way on an edit", () => {
    expect(toCreate({ ...newLinkDefaults, allowReview: true })).not.toHaveProperty("allowReview");
    expect(toCreate({ ...newLinkDefaults, reviewable: true, allowReview: true })).toMatchObject({ allowReview: true });
    const project = editDefaults({ ...link, kind: "project", allowReview: true });
    expect(toUpdate(project)).toMatchObject({ allowReview: true });
    expect(toUpdate({ ...project, allowReview: false })).toMatchObject({ allowReview: false });
    expect(toUpdate(editDefaults(link))).not.toHaveProperty("allowReview");
  });
});

describe("embed codes and social links", () => {
  it("escapes the name in the snippets and points at the public page", () => {
    const { iframe, img } = embedCodes(link);
    expect(iframe).toContain(`src="${link.url}"`);
    expect(iframe).toContain('title="a &quot;quoted&quot; &lt;prompt>"');
    expect(img).toContain(`/api/share/${link.token}/files/${link.targetId}/preview-768`);
    const hidden = embedCodes({ ...link, showPrompt: false });
    expect(hidden.iframe).not.toContain("prompt");
    const names = socialLinks(link).map((s) => s.name);
    expect(names).toEqual(["X", "Reddit", "Pinterest"]);
    for (const s of socialLinks(link)) expect(s.href).toContain(encodeURIComponent(link.url));
  });
});
