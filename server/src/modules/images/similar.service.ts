import type { Duplicates, RelatedImages, SimilarImage } from "@image-studio/shared";
import type { Ctx } from "../../context";
import { hammingDistance } from "../../lib/image-processing";
import { toSummary } from "./images.mapper";
import * as images from "./images.service";
import * as repo from "./similar.repo";

/** "Similar images" and duplicate review, from the 64-bit dHash every image gets at ingest. */

export const SIMILAR_THRESHOLD = 12;

/**
 * A team member (acting in the owner's scope through `imageScope`) sees neighbours within the shared project
 * only; the owner sees their whole library.
 */
const scopeOf = (ctx: Ctx, image: { projectId: string | null }) => (ctx.actor ? (image.projectId ?? "00000000-0000-0000-0000-000000000000") : undefined);

export async function similar(ctx: Ctx, id: string, threshold = SIMILAR_THRESHOLD, limit = 24): Promise<SimilarImage[]> {
  const image = await images.get(ctx, id);
  if (!image.phash) return [];
  const rows = await repo.nearest(ctx.db, ctx.user.id, id, image.phash, threshold, limit, scopeOf(ctx, image));
  return rows.map((r) => ({ ...toSummary(r), distance: r.distance }));
}

export async function related(ctx: Ctx, id: string): Promise<RelatedImages> {
  const image = await images.get(ctx, id);
  const [rel, near] = await Promise.all([repo.relatives(ctx.db, ctx.user.id, image, 12, scopeOf(ctx, image)), similar(ctx, id, SIMILAR_THRESHOLD, 12)]);
  return {
    parent: rel.parent ? toSummary(rel.parent) : null,
    children: rel.children.map(toSummary),
    siblings: rel.siblings.map(toSummary),
    samePrompt: rel.samePrompt.map(toSummary),
    similar: near,
  };
}

const popcount32 = (x: number) => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

/**
 * Groups hashes within `threshold` bits of each other (transitively). Pigeonhole banding: split the 64 bits into
 * threshold+1 bands; two hashes that close agree exactly on at least one band, so only hashes sharing a band
 * bucket are compared. Identical hashes are merged up front, so a thousand copies cost nothing.
 */
export function groupNearDuplicates(rows: { id: string; phash: string }[], threshold: number): string[][] {
  const byHash = new Map<string, string[]>();
  for (const r of rows) {
    const list = byHash.get(r.phash);
    if (list) list.push(r.id);
    else byHash.set(r.phash, [r.id]);
  }
  const hashes = [...byHash.keys()];
  const big = hashes.map((h) => BigInt(`0x${h}`));
  const hi = hashes.map((h) => parseInt(h.slice(0, 8), 16) >>> 0);
  const lo = hashes.map((h) => parseInt(h.slice(8, 16), 16) >>> 0);
  const parent = hashes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const bands = threshold + 1;
  for (let b = 0; b < bands; b++) {
    const from = Math.floor((b * 64) / bands);
    const to = Math.floor(((b + 1) * 64) / bands);
    const buckets = new Map<string, number[]>();
    const shift = BigInt(64 - to);
    const mask = (1n << BigInt(to - from)) - 1n;
    big.forEach((v, i) => {
      const key = ((v >> shift) & mask).toString(36);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    });
    for (const members of buckets.values()) {
      if (members.length < 2 || members.length > 4000) continue;
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const i = members[x]!;
          const j = members[y]!;
          if (popcount32(hi[i]! ^ hi[j]!) + popcount32(lo[i]! ^ lo[j]!) <= threshold) parent[find(i)] = find(j);
        }
      }
    }
  }
  const groups = new Map<number, string[]>();
  hashes.forEach((h, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(...byHash.get(h)!);
    else groups.set(root, [...byHash.get(h)!]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A page of near-duplicate groups, biggest first; each group starts with the image to keep (favourite, best rated, newest). */
export async function duplicates(ctx: Ctx, q: { threshold: number; cursor?: number; limit: number }): Promise<Duplicates> {
  const all = groupNearDuplicates((await repo.allHashes(ctx.db, ctx.user.id)) as { id: string; phash: string }[], q.threshold);
  all.sort((a, b) => b.length - a.length || (a[0]! < b[0]! ? -1 : 1));
  const start = q.cursor ?? 0;
  const page = all.slice(start, start + q.limit);
  const rows = new Map((await repo.summaries(ctx.db, ctx.user.id, page.flat())).map((r) => [r.id, r]));
  const groups = page.map((ids) => {
    const members = ids.map((id) => rows.get(id)).filter((r) => r !== undefined);
    members.sort((a, b) => Number(b.isFavorite) - Number(a.isFavorite) || (b.rating ?? 0) - (a.rating ?? 0) || b.createdAt.getTime() - a.createdAt.getTime());
    const keep = members[0];
    return {
      id: keep?.id ?? ids[0]!,
      items: members.map((m) => ({ ...toSummary(m), distance: keep?.phash && m.phash ? hammingDistance(keep.phash, m.phash) : 0 })),
    };
  });
  return { groups: groups.filter((g) => g.items.length > 1), totalGroups: all.length, nextCursor: start + q.limit < all.length ? start + q.limit : null };
}
