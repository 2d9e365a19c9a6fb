import type { TeamRole } from "@image-studio/shared";
import { expect, it } from "vitest";
import { MATRIX, type Row } from "./matrix";
import { send } from "./routes";
import { teamWorld } from "./world-teams";
import { fresh, ownerSnapshot, type World } from "./world";

/**
 * Roles × routes: every route a shared project's images pass through, called by a viewer, an editor and an admin
 * of a team the project is shared with (the non-member is the matrix's "another user"). A refused member gets the
 * status given (404: as unknown as to anyone; 403: a member asking for an owner-only change), none of the owner's
 * data in the answer, and the owner's data unchanged. Body, path and query come from the route's matrix row.
 */
type Expect = Record<TeamRole, number>;
const all = (s: number): Expect => ({ viewer: s, editor: s, admin: s });
const editorUp = (s: number): Expect => ({ viewer: 404, editor: s, admin: s });
/** Owner-only: the trash, the favourite flag, sharing links, collections of others, similar/related/lineage. */
const OWNER_ONLY = all(404);
/**
 * The row's body names the owner's upload (mask, style): someone else's upload is unknown to everyone, so every
 * role gets 404 here; editors with their own upload are pinned in test/teams/generate.test.ts.
 */
const OWNERS_UPLOAD = all(404);

/** Generation rows whose matrix body names no project: a member generates into the shared one. */
const intoShared: Row = { access: "owned", kind: "project", body: (i) => ({ prompt: "a lighthouse", modelId: "local/sketch", projectId: i.project }), status: 202 };
const TEAM_ROWS: Record<string, Row> = {
  "POST /api/generate/text-to-image": intoShared,
  "POST /api/images/generate": intoShared,
  "POST /api/generate/batch": { ...intoShared, body: (i) => ({ modelId: "local/sketch", prompts: ["a lighthouse"], projectId: i.project }) },
};

export const TEAM_ACCESS: Record<string, Expect> = {
  "GET /api/images/:id": all(200),
  "GET /api/images/:id/metadata": all(200),
  "GET /api/images/:id/file/:variant": all(200),
  "GET /api/images/download/:id": all(200),
  "GET /api/images/:id/comments": all(200),
  "GET /api/images/:id/reviews": all(200),
  "POST /api/images/:id/comments": all(201),
  "PUT /api/images/:id/comments/:commentId": all(404), // only the author edits a comment
  "DELETE /api/images/:id/comments/:commentId": all(404),
  "PUT /api/images/:id": editorUp(200),
  "PATCH /api/images/:id": editorUp(200),
  "POST /api/images/:id/rate": editorUp(200),
  "DELETE /api/images/:id": editorUp(200),
  "POST /api/images/:id/restore": OWNER_ONLY,
  "DELETE /api/images/:id/permanent": OWNER_ONLY,
  "POST /api/images/:id/favorite": OWNER_ONLY,
  "GET /api/images/:id/similar": all(200), // within the shared project (server/test/teams/panels.test.ts)
  "GET /api/images/:id/related": all(200),
  "GET /api/images/:id/lineage": all(200),
  "POST /api/images/:id/share": OWNER_ONLY,
  "POST /api/share/image/:id": OWNER_ONLY,
  // Generation and iteration into the shared project: editors and admins, on their own credits.
  "POST /api/generate/text-to-image": editorUp(202),
  "POST /api/images/generate": editorUp(202),
  "POST /api/generate/batch": editorUp(202),
  "POST /api/generate/image-to-image": editorUp(202),
  "POST /api/images/:id/variation": editorUp(202),
  "POST /api/images/:id/upscale": editorUp(202),
  "POST /api/images/:id/remix": editorUp(202),
  "POST /api/images/:id/outpaint": editorUp(202),
  "POST /api/images/:id/remove-background": editorUp(202),
  "POST /api/images/:id/animate": editorUp(202),
  "POST /api/images/:id/inpaint": OWNERS_UPLOAD,
  "POST /api/images/:id/style-transfer": OWNERS_UPLOAD,
  "POST /api/images/bulk-download": OWNER_ONLY,
  "GET /api/projects/:id": all(200),
  "GET /api/projects/:id/images": all(200),
  "GET /api/projects/:id/stats": all(200),
  "POST /api/projects/:id/export": all(200),
  "DELETE /api/projects/:id/images/:imageId": editorUp(200),
  "PUT /api/projects/:id": OWNER_ONLY,
  "DELETE /api/projects/:id": OWNER_ONLY,
  "POST /api/projects/:id/images/add": OWNER_ONLY,
  "POST /api/projects/:id/duplicate": OWNER_ONLY,
  "POST /api/projects/:id/template": OWNER_ONLY,
  "PUT /api/projects/:id/archive": OWNER_ONLY,
  "POST /api/projects/:id/share": OWNER_ONLY,
  "POST /api/share/project/:id": OWNER_ONLY,
  "GET /api/teams/projects/:id": all(200),
  "GET /api/sync/shared/:id": all(200),
};

async function teamRow(w: World, key: string, row: Row, role: TeamRole, status: number) {
  const tw = await teamWorld(w);
  const kinds = [...(row.kind ? [row.kind] : []), ...(row.also ?? [])];
  const ids = await fresh(w, kinds, { sharedWith: tw.teamId });
  if (row.kind) ids.id = ids[row.kind];
  const before = await ownerSnapshot(w);
  const res = await send(w.t, tw.members[role], key, row, ids);
  const text = await res.text();
  expect(res.status, `${role}: ${text.slice(0, 200)}`).toBe(status);
  if (status >= 400) {
    expect(text, "a refused member sees none of the owner's data").not.toContain(w.marker);
    expect(await ownerSnapshot(w), "the owner's data is unchanged").toEqual(before);
  }
}

export const teamAccessCount = () => Object.keys(TEAM_ACCESS).length;

/** Three tests (one per role) for each route of TEAM_ACCESS. */
export function teamAccessTests(world: () => World) {
  it("every team-access key is a route of the matrix", () => {
    expect(Object.keys(TEAM_ACCESS).filter((k) => !(k in MATRIX))).toEqual([]);
  });
  for (const [key, exp] of Object.entries(TEAM_ACCESS)) {
    for (const role of ["viewer", "editor", "admin"] as const) {
      it(`${key} — team ${role}: ${exp[role]}`, () => teamRow(world(), key, TEAM_ROWS[key] ?? MATRIX[key]!, role, exp[role]));
    }
  }
}
