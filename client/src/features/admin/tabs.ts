/** The admin console's tabs (its own module: the route's search schema needs them before the page's code loads). */
export const ADMIN_TABS = ["overview", "users", "jobs", "models", "announcements", "community", "audit"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
