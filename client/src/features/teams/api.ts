import type { ProjectAccess, TeamDetail, TeamInvitation, TeamRole, TeamSummary } from "@image-studio/shared";
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

/** Team workspaces: the caller's teams, invitations and what is shared. Online only (membership is the server's). */

export const teamKeys = {
  all: ["teams"] as const,
  list: () => ["teams", "list"] as const,
  detail: (id: string) => ["teams", "detail", id] as const,
  invitations: () => ["teams", "invitations"] as const,
  project: (id: string) => ["teams", "project", id] as const,
};

export const teamsOptions = () =>
  queryOptions({ queryKey: teamKeys.list(), queryFn: async ({ signal }) => (await api<{ items: TeamSummary[] }>("/api/teams", { signal })).items });

export const teamOptions = (id: string) =>
  queryOptions({ queryKey: teamKeys.detail(id), queryFn: ({ signal }) => api<TeamDetail>(`/api/teams/${id}`, { signal }) });

export const myInvitationsOptions = () =>
  queryOptions({
    queryKey: teamKeys.invitations(),
    queryFn: async ({ signal }) => (await api<{ items: TeamInvitation[] }>("/api/teams/invitations", { signal })).items,
  });

/** The caller's role on a project and who else sees it; `null` when the server does not know it (offline-only project). */
export const projectAccessOptions = (projectId: string) =>
  queryOptions({
    queryKey: teamKeys.project(projectId),
    queryFn: ({ signal }) => api<ProjectAccess>(`/api/teams/projects/${projectId}`, { signal }).catch(() => null),
  });

export const createTeam = (name: string) => api<TeamDetail>("/api/teams", { method: "POST", body: { id: crypto.randomUUID(), name } });
export const renameTeam = (id: string, name: string) => api<TeamDetail>(`/api/teams/${id}`, { method: "PATCH", body: { name } });
export const deleteTeam = (id: string) => api(`/api/teams/${id}`, { method: "DELETE" });
export const inviteMember = (id: string, email: string, role: TeamRole) =>
  api<TeamInvitation>(`/api/teams/${id}/invitations`, { method: "POST", body: { email, role } });
export const revokeInvitation = (id: string, invitationId: string) => api(`/api/teams/${id}/invitations/${invitationId}`, { method: "DELETE" });
export const acceptInvitation = (invitationId: string) => api<TeamDetail>(`/api/teams/invitations/${invitationId}/accept`, { method: "POST", body: {} });
export const declineInvitation = (invitationId: string) => api(`/api/teams/invitations/${invitationId}/decline`, { method: "POST", body: {} });
export const setMemberRole = (id: string, userId: string, role: TeamRole) =>
  api<TeamDetail>(`/api/teams/${id}/members/${userId}`, { method: "PATCH", body: { role } });
export const removeMember = (id: string, userId: string) => api(`/api/teams/${id}/members/${userId}`, { method: "DELETE" });
export const shareProjectWithTeam = (id: string, projectId: string) => api<TeamDetail>(`/api/teams/${id}/projects/${projectId}`, { method: "PUT", body: {} });
export const unshareProjectFromTeam = (id: string, projectId: string) => api<TeamDetail>(`/api/teams/${id}/projects/${projectId}`, { method: "DELETE" });

/** Catalog keys (namespace "teams") of each role's name, translated where shown. */
export const ROLE_LABEL = { owner: "roles.owner", admin: "roles.admin", editor: "roles.editor", viewer: "roles.viewer" } as const satisfies Record<TeamRole | "owner", string>;
/** The role's name inside a sentence ("you're viewer"). */
export const ROLE_INLINE = { owner: "roles.inline.owner", admin: "roles.inline.admin", editor: "roles.inline.editor", viewer: "roles.inline.viewer" } as const satisfies Record<TeamRole | "owner", string>;
/** What each role may do. */
export const ROLE_HINT = { viewer: "roles.hint.viewer", editor: "roles.hint.editor", admin: "roles.hint.admin" } as const satisfies Record<TeamRole, string>;
