import type { ProjectAccess, TeamDetail, TeamInvitation, TeamRole, TeamSummary } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { call, rpc } from "@/lib/rpc";

/** Team workspaces: the caller's teams, invitations and what is shared. Online only (membership is the server's). */

export const teamKeys = {
  all: ["teams"] as const,
  list: () => ["teams", "list"] as const,
  detail: (id: string) => ["teams", "detail", id] as const,
  invitations: () => ["teams", "invitations"] as const,
  project: (id: string) => ["teams", "project", id] as const,
};

/** Team, invitation, member and project ids are UUIDs: the routes take them by these patterns. */
const ID = ":id{[0-9a-fA-F-]{36}}";
const T = rpc.teams;

export const teamsOptions = () =>
  queryOptions({
    queryKey: teamKeys.list(),
    queryFn: async ({ signal }): Promise<TeamSummary[]> => (await call(T.index.$get(undefined, { init: { signal } }))).items,
  });

export const teamOptions = (id: string) =>
  queryOptions({ queryKey: teamKeys.detail(id), queryFn: ({ signal }): Promise<TeamDetail> => call(T[ID].$get({ param: { id } }, { init: { signal } })) });

export const myInvitationsOptions = () =>
  queryOptions({
    queryKey: teamKeys.invitations(),
    queryFn: async ({ signal }): Promise<TeamInvitation[]> => (await call(T.invitations.$get(undefined, { init: { signal } }))).items,
  });

/** The caller's role on a project and who else sees it; `null` when the server does not know it (offline-only project). */
export const projectAccessOptions = (projectId: string) =>
  queryOptions({
    queryKey: teamKeys.project(projectId),
    queryFn: ({ signal }): Promise<ProjectAccess | null> => call(T.projects[ID].$get({ param: { id: projectId } }, { init: { signal } })).catch(() => null),
  });

export const createTeam = (name: string): Promise<TeamDetail> => call(T.index.$post({ json: { id: crypto.randomUUID(), name } }));
export const renameTeam = (id: string, name: string): Promise<TeamDetail> => call(T[ID].$patch({ param: { id }, json: { name } }));
export const deleteTeam = (id: string) => call(T[ID].$delete({ param: { id } }));
export const inviteMember = (id: string, email: string, role: TeamRole): Promise<TeamInvitation> =>
  call(T[ID].invitations.$post({ param: { id }, json: { email, role } }));
export const revokeInvitation = (id: string, invitationId: string) =>
  call(T[ID].invitations[":invitationId{[0-9a-fA-F-]{36}}"].$delete({ param: { id, invitationId } }));
export const acceptInvitation = (invitationId: string): Promise<TeamDetail> => call(T.invitations[ID].accept.$post({ param: { id: invitationId } }));
export const declineInvitation = (invitationId: string) => call(T.invitations[ID].decline.$post({ param: { id: invitationId } }));
export const setMemberRole = (id: string, userId: string, role: TeamRole): Promise<TeamDetail> =>
  call(T[ID].members[":userId{[0-9a-fA-F-]{36}}"].$patch({ param: { id, userId }, json: { role } }));
export const removeMember = (id: string, userId: string) => call(T[ID].members[":userId{[0-9a-fA-F-]{36}}"].$delete({ param: { id, userId } }));
export const shareProjectWithTeam = (id: string, projectId: string): Promise<TeamDetail> =>
  call(T[ID].projects[":projectId{[0-9a-fA-F-]{36}}"].$put({ param: { id, projectId } }));
export const unshareProjectFromTeam = (id: string, projectId: string): Promise<TeamDetail> =>
  call(T[ID].projects[":projectId{[0-9a-fA-F-]{36}}"].$delete({ param: { id, projectId } }));

/** Catalog keys (namespace "teams") of each role's name, translated where shown. */
export const ROLE_LABEL = { owner: "roles.owner", admin: "roles.admin", editor: "roles.editor", viewer: "roles.viewer" } as const satisfies Record<TeamRole | "owner", string>;
/** The role's name inside a sentence ("you're viewer"). */
export const ROLE_INLINE = { owner: "roles.inline.owner", admin: "roles.inline.admin", editor: "roles.inline.editor", viewer: "roles.inline.viewer" } as const satisfies Record<TeamRole | "owner", string>;
/** What each role may do. */
export const ROLE_HINT = { viewer: "roles.hint.viewer", editor: "roles.hint.editor", admin: "roles.hint.admin" } as const satisfies Record<TeamRole, string>;
