/** The browser's Notification API, asked for only from the preferences (never on load). */

export type BrowserPermission = NotificationPermission | "unsupported";

export function browserPermission(): BrowserPermission {
  return typeof window !== "undefined" && "Notification" in window ? window.Notification.permission : "unsupported";
}

export const browserNotificationsAllowed = () => browserPermission() === "granted";

export async function askBrowserPermission(): Promise<BrowserPermission> {
  if (browserPermission() === "unsupported") return "unsupported";
  return window.Notification.requestPermission();
}
