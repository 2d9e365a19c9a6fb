/**
 * The activity feed's words (GET /api/activity is worded per request, in its language: see request.ts).
 * activity.test.ts next to this file holds every catalog to the English keys.
 */
import de from "./locales/de/activity.json";
import en from "./locales/en/activity.json";
import es from "./locales/es/activity.json";
import { translatorFor } from "./translator";

export const ACTIVITY_CATALOGS = { en, de, es } as const;
export const activityT = translatorFor(ACTIVITY_CATALOGS, "activity");
