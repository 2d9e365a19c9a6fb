/**
 * The route types the client's typed calls are derived from (`client/src/lib/rpc.ts`): type-only, so the client
 * bundle never contains server code. A route module's response shapes flow from its handlers' `c.json(...)` to
 * the client, so a changed shape fails typecheck wherever the client reads it.
 */
import type { aliasRoutes } from "./auth/alias.routes";
import type { guestRoutes } from "./auth/guest.routes";
import type { devMailboxRoutes } from "./auth/mail/dev-mailbox.routes";
import type { accountRoutes } from "./modules/account/account.routes";
import type { avatarUploadRoutes } from "./modules/account/avatar.routes";
import type { accountDataRoutes } from "./modules/account-data/account-data.routes";
import type { activityRoutes } from "./modules/activity/activity.routes";
import type { adminConsoleRoutes } from "./modules/admin/admin.console.routes";
import type { adminUserRoutes } from "./modules/admin/admin.routes";
import type { collectionRoutes } from "./modules/collections/collections.routes";
import type { adminCommunityRoutes, communityRoutes, imagePublishRoutes, publicProfileRoutes } from "./modules/community/community.routes";
import type { creditRoutes } from "./modules/credits/credits.routes";
import type { webhookEndpointRoutes } from "./modules/developer-webhooks/webhooks.routes";
import type { generateRoutes } from "./modules/generation/generation.routes";
import type { imageEditRoutes } from "./modules/image-edit/edit.routes";
import type { imageRoutes } from "./modules/images/images.routes";
import type { keyRoutes } from "./modules/keys/keys.routes";
import type { adminAnnouncementRoutes, adminModelRoutes, modelRoutes } from "./modules/models/models.routes";
import type { notificationRoutes } from "./modules/notifications/notifications.routes";
import type { projectRoutes } from "./modules/projects/projects.routes";
import type { promptRoutes } from "./modules/prompts/prompts.routes";
import type { searchRoutes } from "./modules/search/search.routes";
import type { settingsRoutes } from "./modules/settings/settings.routes";
import type { uploadRoutes } from "./modules/uploads/uploads.routes";
import type { storageUsageRoutes } from "./modules/usage/storage-usage.routes";
import type { usageRoutes } from "./modules/usage/usage.routes";
import type { videoRoutes } from "./modules/video/video.routes";

export type AccountDataRoutes = typeof accountDataRoutes;
export type AccountRoutes = ReturnType<typeof accountRoutes>;
export type ActivityRoutes = typeof activityRoutes;
export type AdminAnnouncementRoutes = typeof adminAnnouncementRoutes;
export type AdminCommunityRoutes = typeof adminCommunityRoutes;
export type AdminConsoleRoutes = typeof adminConsoleRoutes;
export type AdminModelRoutes = typeof adminModelRoutes;
export type AdminUserRoutes = typeof adminUserRoutes;
export type AuthRoutes = ReturnType<typeof aliasRoutes>;
export type AvatarUploadRoutes = typeof avatarUploadRoutes;
export type CollectionRoutes = typeof collectionRoutes;
export type CommunityRoutes = typeof communityRoutes;
export type CreditRoutes = typeof creditRoutes;
export type DevMailboxRoutes = ReturnType<typeof devMailboxRoutes>;
export type GenerateRoutes = typeof generateRoutes;
export type GuestRoutes = ReturnType<typeof guestRoutes>;
export type ImageEditRoutes = typeof imageEditRoutes;
export type ImagePublishRoutes = typeof imagePublishRoutes;
export type ImageRoutes = typeof imageRoutes;
export type KeyRoutes = typeof keyRoutes;
export type ModelRoutes = typeof modelRoutes;
export type NotificationRoutes = typeof notificationRoutes;
export type ProjectRoutes = typeof projectRoutes;
export type PromptRoutes = typeof promptRoutes;
export type PublicProfileRoutes = typeof publicProfileRoutes;
export type SearchRoutes = typeof searchRoutes;
export type SettingsRoutes = typeof settingsRoutes;
export type StorageUsageRoutes = typeof storageUsageRoutes;
export type UploadRoutes = typeof uploadRoutes;
export type UsageRoutes = typeof usageRoutes;
export type VideoRoutes = typeof videoRoutes;
export type WebhookEndpointRoutes = typeof webhookEndpointRoutes;
