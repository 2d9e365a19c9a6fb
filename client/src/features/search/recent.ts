/** Recent searches, remembered on this device only (never sent anywhere). */
const KEY = "recent-searches";
const MAX = 8;

export function recentSearches(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "[]") as unknown;
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string").slice(0, MAX) : [];
  } catch {
    return [];
  }
}

export function rememberSearch(q: string) {
  const s = q.trim();
  if (!s) return;
  const next = [s, ...recentSearches().filter((r) => r.toLowerCase() !== s.toLowerCase())].slice(0, MAX);
  localStorage.setItem(KEY, JSON.stringify(next));
}

export function forgetSearches() {
  localStorage.removeItem(KEY);
}
