/**
 * Team workspaces: teams, members with a role, invitations by e-mail, and projects shared with a team.
 * A member's role on a shared project: viewer (see, comment, download) < editor (edit images and their metadata,
 * remove them from the project) < admin (manage members and what is shared). The project's owner keeps full control.
 */
import { z } from "zod";
import { vm } from "./validation-messages";

export const TEAM_ROLE_VALUES = ["viewer", "editor", "admin"] as const;
export type TeamRole = (typeof TEAM_ROLE_VALUES)[number];
/** The caller's standing on a project: its owner, a team role, or none (then it is a 404). */
export type ProjectAccessRole = TeamRole | "owner";

const RANK: Record<ProjectAccessRole, number> = { viewer: 1, editor: 2, admin: 3, owner: 4 };
/** True when `role` may do what `min` may. */
export const roleAtLeast = (role: ProjectAccessRole | null | undefined, min: ProjectAccessRole): boolean =>
  !!role && RANK[role] >= RANK[min];
/** The stronger of two roles (a member of two teams sharing the project gets the stronger one). */
export const strongerRole = <R extends ProjectAccessRole>(a: R | null, b: R): R => (a && RANK[a] >= RANK[b] ? a : b);

export const TEAM_NAME_MAX = 80;
export const TEAM_MAX_MEMBERS = 100;
export const TEAM_INVITE_DAYS = 14;

const lowerId = z.uuid().transform((s) => s.toLowerCase());
export const teamRoleSchema = z.enum(TEAM_ROLE_VALUES);

export const teamCreateSchema = z
  .object({ id: lowerId.optional(), name: z.string().trim().min(1, vm("teams.nameRequired")).max(TEAM_NAME_MAX) })
  .strict();
export const teamUpdateSchema = z.object({ name: z.string().trim().min(1, vm("teams.nameRequired")).max(TEAM_NAME_MAX) }).strict();
export const teamInviteSchema = z
  .object({ email: z.email(vm("teams.emailInvalid")).max(254).transform((s) => s.trim().toLowerCase()), role: teamRoleSchema.default("viewer") })
  .strict();
export const teamMemberUpdateSchema = z.object({ role: teamRoleSchema }).strict();

export const teamSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  myRole: teamRoleSchema,
  memberCount: z.number().int(),
  projectCount: z.number().int(),
  createdAt: z.string(),
});
export type TeamSummary = z.infer<typeof teamSummarySchema>;

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  image: z.string().nullable(),
  role: teamRoleSchema,
  isMe: z.boolean(),
  joinedAt: z.string(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamInvitationSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  teamName: z.string(),
  email: z.string(),
  role: teamRoleSchema,
  invitedByName: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type TeamInvitation = z.infer<typeof teamInvitationSchema>;

export const teamProjectSchema = z.object({
  projectId: z.uuid(),
  name: z.string(),
  ownerName: z.string(),
  isMine: z.boolean(),
  imageCount: z.number().int(),
  sharedAt: z.string(),
});
export type TeamProject = z.infer<typeof teamProjectSchema>;

export const teamDetailSchema = teamSummarySchema.extend({
  members: z.array(teamMemberSchema),
  /** Pending invitations (admins only; empty for other roles). */
  invitations: z.array(teamInvitationSchema),
  projects: z.array(teamProjectSchema),
});
export type TeamDetail = z.infer<typeof teamDetailSchema>;

/** A person who can see a project (its owner and the members of every team it is shared with): @mention targets. */
export const projectPersonSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  image: z.string().nullable(),
  role: z.enum(["owner", ...TEAM_ROLE_VALUES]),
  isMe: z.boolean(),
});
export type ProjectPerson = z.infer<typeof projectPersonSchema>;

export const projectAccessSchema = z.object({
  projectId: z.uuid(),
  myRole: z.enum(["owner", ...TEAM_ROLE_VALUES]),
  teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
  people: z.array(projectPersonSchema),
});
export type ProjectAccess = z.infer<typeof projectAccessSchema>;

/** The @names a comment mentions, among `names` (longest first so "Ann Lee" wins over "Ann"). */
export function mentionedNames(text: string, names: string[]): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const name of [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    const needle = `@${name.toLowerCase()}`;
    let at = lower.indexOf(needle);
    while (at >= 0) {
      const next = lower[at + needle.length];
      if (next === undefined || !/[\p{L}\p{N}_]/u.test(next)) {
        found.push(name);
        break;
      }
      at = lower.indexOf(needle, at + 1);
    }
  }
  return found;
}

/** A project shared with the caller through a team (GET /api/teams/shared-projects): the studio's "Shared with me". */
export const sharedProjectSchema = z.object({
  projectId: z.uuid(),
  name: z.string(),
  ownerName: z.string(),
  /** The caller's strongest role on it across their teams. */
  role: teamRoleSchema,
});
export type SharedProject = z.infer<typeof sharedProjectSchema>;

export const sharedProjectsQuerySchema = z.object({ minRole: teamRoleSchema.default("viewer") });
