import { randomUUID } from "node:crypto";
import type { Row, RowOptions } from "./matrix-types";
import type { Ids, Kind } from "./world";

/** /api/teams rows of the access matrix (spread into MATRIX). A team the caller is not in answers 404. */
const user = (opts: RowOptions = {}): Row => ({ access: "user", ...opts });
const owned = (kind: Kind, opts: RowOptions = {}): Row => ({ access: "owned", kind, ...opts });

export const TEAM_ROWS: Record<string, Row> = {
  "GET /api/teams": user(),
  "POST /api/teams": user({ body: () => ({ id: randomUUID(), name: "Crew" }), status: 201 }),
  "GET /api/teams/invitations": user(),
  // Only the invited address may answer an invitation: the owner is the invitee here.
  "POST /api/teams/invitations/:id/accept": owned("invitation"),
  "POST /api/teams/invitations/:id/decline": owned("invitation"),
  "GET /api/teams/projects/:id": owned("project"),
  "GET /api/teams/shared-projects": user({ query: { minRole: "editor" } }),
  "GET /api/teams/:id": owned("team"),
  "PATCH /api/teams/:id": owned("team", { body: { name: "Renamed crew" } }),
  "DELETE /api/teams/:id": owned("team"),
  "POST /api/teams/:id/invitations": owned("team", { body: () => ({ email: `x-${randomUUID()}@example.test`, role: "editor" }), status: 201 }),
  "DELETE /api/teams/:id/invitations/:invitationId": owned("team", { also: ["teamInvitation"], path: (i: Ids) => `/api/teams/${i.team}/invitations/${i.teamInvitation}` }),
  "PATCH /api/teams/:id/members/:userId": owned("team", { also: ["teamMember"], body: { role: "editor" }, path: (i: Ids) => `/api/teams/${i.team}/members/${i.teamMember}` }),
  "DELETE /api/teams/:id/members/:userId": owned("team", { also: ["teamMember"], path: (i: Ids) => `/api/teams/${i.team}/members/${i.teamMember}` }),
  "PUT /api/teams/:id/projects/:projectId": owned("team", { also: ["project"], path: (i: Ids) => `/api/teams/${i.team}/projects/${i.project}` }),
  "DELETE /api/teams/:id/projects/:projectId": owned("team", { also: ["teamProject"], path: (i: Ids) => `/api/teams/${i.team}/projects/${i.project}` }),
};
