import { randomUUID } from "node:crypto";
import type { ImageReviewList, SharedReview, ShareLink } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema";
import { REVIEW_RULE_PER_CLIENT } from "../../src/modules/share/share.reviews";
import { createTestApp, randomIp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";
import { sharedProject, teamWith } from "../teams/helpers";
import { anon, code, image, movableClock, share } from "./helpers";

describe("client review through a share link", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  const clock = movableClock();

  beforeAll(async () => {
    t = await createTestApp();
    t.deps.clock = clock;
    [owner, other] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  async function reviewedProject(body: Record<string, unknown> = { allowReview: true }) {
    const project = await ok<{ id: string }>(caller(t, owner)("/api/projects", { body: { name: `Campaign ${randomUUID().slice(0, 6)}` } }), 201);
    const [a, b] = [await image(t, owner, { projectId: project.id }), await image(t, owner, { projectId: project.id })];
    const link = await share(t, owner, "project", project.id, body);
    return { project, a, b, link };
  }
  const verdict = (link: ShareLink, imageId: string, body: Record<string, unknown>, init: { ip?: string; headers?: Record<string, string> } = {}) =>
    anon(t, `/api/share/${link.kind}/${link.token}/reviews/${imageId}`, { method: "PUT", body, ...init });
  const listOf = (link: ShareLink, reviewerId?: string) =>
    anon(t, `/api/share/${link.kind}/${link.token}/reviews${reviewerId ? `?reviewerId=${reviewerId}` : ""}`);
  const imageReviews = (u: SignedUpUser, imageId: string) => caller(t, u)(`/api/images/${imageId}/reviews`);

  it("stores one verdict per reviewer per image (a new one replaces it) and shows them to the link's reviewers and the owner", async () => {
    const { a, b, link } = await reviewedProject();
    expect(link).toMatchObject({ allowReview: true, reviews: { approved: 0, changesRequested: 0 } });
    const ana = randomUUID();
    const ben = randomUUID();
    const first = await ok<SharedReview>(verdict(link, a.id, { verdict: "approved", reviewerName: "Ana", reviewerId: ana }));
    expect(first).toMatchObject({ imageId: a.id, verdict: "approved", note: "", reviewerName: "Ana", mine: true });
    await ok(verdict(link, a.id, { verdict: "changes_requested", note: "  Warmer light, please  ", reviewerName: "Ana", reviewerId: ana }));
    await ok(verdict(link, b.id, { verdict: "approved", reviewerName: "Ben", reviewerId: ben }));

    const seen = await ok<{ items: SharedReview[] }>(listOf(link, ana));
    expect(seen.items).toHaveLength(2);
    expect(seen.items.find((r) => r.imageId === a.id)).toMatchObject({ verdict: "changes_requested", note: "Warmer light, please", reviewerName: "Ana", mine: true });
    expect(seen.items.find((r) => r.imageId === b.id)).toMatchObject({ reviewerName: "Ben", mine: false });
    expect(JSON.stringify(seen)).not.toContain(ben); // reviewer ids are never handed out
    expect(JSON.stringify(seen)).not.toContain(owner.email);

    const onA = await ok<ImageReviewList>(imageReviews(owner, a.id));
    expect(onA).toMatchObject({ approved: 0, changesRequested: 1 });
    expect(onA.items[0]).toMatchObject({ verdict: "changes_requested", note: "Warmer light, please", reviewerName: "Ana", link: { id: link.id, kind: "project", status: "active" } });
    const links = await ok<{ items: ShareLink[] }>(caller(t, owner)("/api/share"));
    expect(links.items.find((l) => l.id === link.id)?.reviews).toEqual({ approved: 1, changesRequested: 1 });

    // Another user learns nothing: the image's reviews are as unknown as the image.
    expect((await imageReviews(other, a.id)).status).toBe(404);
    expect((await imageReviews(other, randomUUID())).status).toBe(404);
  });

  it("tells the owner once per reviewer per link and day, however many verdicts they give", async () => {
    const { a, b, link } = await reviewedProject();
    const id = randomUUID();
    await ok(verdict(link, a.id, { verdict: "approved", reviewerName: "Cleo", reviewerId: id }));
    await ok(verdict(link, b.id, { verdict: "changes_requested", note: "Crop tighter", reviewerName: "Cleo", reviewerId: id }));
    await ok(verdict(link, a.id, { verdict: "changes_requested", reviewerName: "Cleo", reviewerId: id }));
    const rows = await t.deps.database.db.select().from(notifications).where(and(eq(notifications.userId, owner.user.id), eq(notifications.kind, "share.review")));
    const mine = rows.filter((r) => (r.data as { linkId?: string }).linkId === link.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.title).toMatch(/Cleo is reviewing your shared project/);
    expect(mine[0]!.link).toBe(`/images/${a.id}`);
  });

  it("scopes verdicts to what the token shares: another project's image or someone else's is 404", async () => {
    const { link } = await reviewedProject();
    const outside = await image(t, owner); // the owner's, not in the project
    const foreign = await image(t, other);
    const body = { verdict: "approved", reviewerName: "Dan", reviewerId: randomUUID() };
    for (const img of [outside, foreign]) {
      const res = await verdict(link, img.id, body);
      expect(res.status).toBe(404);
    }
    expect((await verdict(link, randomUUID(), body)).status).toBe(404);
    // The project token under /collection/ is unknown.
    expect((await anon(t, `/api/share/collection/${link.token}/reviews`)).status).toBe(404);
    expect((await ok<ImageReviewList>(imageReviews(owner, outside.id))).items).toHaveLength(0);
  });

  it("is off unless the owner turned it on; image links cannot carry it", async () => {
    const { a, link } = await reviewedProject({});
    expect(link.allowReview).toBe(false);
    const body = { verdict: "approved", reviewerName: "Eve", reviewerId: randomUUID() };
    expect((await verdict(link, a.id, body)).status).toBe(404);
    expect((await listOf(link)).status).toBe(404);
    const on = await ok<ShareLink>(caller(t, owner)(`/api/share/${link.token}`, { method: "PATCH", body: { allowReview: true } }));
    expect(on.allowReview).toBe(true);
    await ok(verdict(link, a.id, body));
    const single = await image(t, owner);
    const refused = await caller(t, owner)(`/api/share/image/${single.id}`, { body: { allowReview: true } });
    expect(refused.status).toBe(400);
  });

  it("checks the note's length and the name, and answers 400 with the shared error body", async () => {
    const { a, link } = await reviewedProject();
    const reviewerId = randomUUID();
    const long = await verdict(link, a.id, { verdict: "changes_requested", note: "x".repeat(2001), reviewerName: "Fay", reviewerId });
    expect(long.status).toBe(400);
    expect(await code(long)).toBe("VALIDATION_FAILED");
    await ok(verdict(link, a.id, { verdict: "changes_requested", note: "x".repeat(2000), reviewerName: "Fay", reviewerId }));
    expect((await verdict(link, a.id, { verdict: "approved", reviewerName: "   ", reviewerId })).status).toBe(400);
    expect((await verdict(link, a.id, { verdict: "maybe", reviewerName: "Fay", reviewerId })).status).toBe(400);
    expect((await verdict(link, a.id, { verdict: "approved", reviewerName: "Fay", reviewerId: "me" })).status).toBe(400);
  });

  it("needs the password like viewing, and stores nothing through a revoked or expired link (404)", async () => {
    const { a, link } = await reviewedProject({ allowReview: true, password: "studio proof" });
    const body = { verdict: "approved", reviewerName: "Gus", reviewerId: randomUUID() };
    const locked = await verdict(link, a.id, body);
    expect(locked.status).toBe(401);
    expect(await code(locked)).toBe("SHARE_PASSWORD_REQUIRED");
    expect((await listOf(link)).status).toBe(401);
    await ok(verdict(link, a.id, body, { headers: { "X-Share-Password": "studio proof" } }));

    await ok(caller(t, owner)(`/api/share/${link.token}`, { method: "DELETE" }));
    const gone = await verdict(link, a.id, { ...body, verdict: "changes_requested" }, { headers: { "X-Share-Password": "studio proof" } });
    expect(gone.status).toBe(404);
    const kept = await ok<ImageReviewList>(imageReviews(owner, a.id));
    expect(kept.items.map((r) => r.verdict)).toEqual(["approved"]); // the revoked link changed nothing
    expect(kept.items[0]!.link.status).toBe("revoked");

    const { a: a2, link: short } = await reviewedProject({ allowReview: true, expiresIn: "1h" });
    clock.advance(2 * 3600_000);
    expect((await verdict(short, a2.id, body)).status).toBe(404);
    clock.set(new Date());
  });

  it("rate limits verdicts per link and address (429 with Retry-After)", async () => {
    const { a, link } = await reviewedProject();
    const ip = randomIp();
    const reviewerId = randomUUID();
    for (let i = 0; i < REVIEW_RULE_PER_CLIENT.max; i++) {
      await ok(verdict(link, a.id, { verdict: i % 2 ? "approved" : "changes_requested", reviewerName: "Hal", reviewerId }, { ip }));
    }
    const refused = await verdict(link, a.id, { verdict: "approved", reviewerName: "Hal", reviewerId }, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is not held up by this one.
    await ok(verdict(link, a.id, { verdict: "approved", reviewerName: "Ivy", reviewerId: randomUUID() }, { ip: randomIp() }));
  });

  it("shows a shared project's verdicts to its team members (viewer role) and to no one else", async () => {
    const { team, members } = await teamWith(t, owner, ["viewer"]);
    const { projectId, imageId } = await sharedProject(t, owner, team.id);
    const link = await share(t, owner, "project", projectId, { allowReview: true });
    await ok(verdict(link, imageId, { verdict: "approved", note: "Ship it", reviewerName: "Jo", reviewerId: randomUUID() }));
    const seen = await ok<ImageReviewList>(imageReviews(members[0]!, imageId));
    expect(seen.items[0]).toMatchObject({ verdict: "approved", note: "Ship it", reviewerName: "Jo" });
    expect((await imageReviews(other, imageId)).status).toBe(404);
  });
});
