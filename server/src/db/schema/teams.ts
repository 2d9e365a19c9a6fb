import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_helpers";
import { users } from "./auth";
import { projects } from "./projects";

export const TEAM_ROLES = ["viewer", "editor", "admin"] as const;
export const INVITATION_STATUSES = ["pending", "accepted", "declined", "revoked"] as const;

/** A team workspace: members with a role each, and the projects their owners shared with it. */
export const teams = pgTable("teams", {
  id: id(),
  name: text("name").notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: TEAM_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    index("team_members_user_idx").on(t.userId),
    check("team_members_role", sql`${t.role} IN ('viewer', 'editor', 'admin')`),
  ],
);

/** An invitation by e-mail; only the account with that (verified) address may accept or decline it. */
export const teamInvitations = pgTable(
  "team_invitations",
  {
    id: id(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: TEAM_ROLES }).notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: INVITATION_STATUSES }).notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("team_invitations_email_idx").on(t.email, t.status),
    uniqueIndex("team_invitations_pending_uq").on(t.teamId, t.email).where(sql`${t.status} = 'pending'`),
    check("team_invitations_role", sql`${t.role} IN ('viewer', 'editor', 'admin')`),
  ],
);

/** A project its owner shared with a team: every member reaches it with their role. */
export const teamProjects = pgTable(
  "team_projects",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sharedBy: uuid("shared_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.projectId] }), index("team_projects_project_idx").on(t.projectId)],
);
