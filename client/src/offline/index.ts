/** The offline layer's public face: features and the shell import from "@/offline" only. */
export { db, type BlobRow, type LocalJob, type OutboxEntry, type SavedGallery } from "./db";
export { enqueue, enqueueMany, dismissFailed, failedEntries, pendingCount, queuedGenerations, type NewMutation } from "./outbox";
export { localCollectionDetail, localCollections, localImage, localImagePage, localProject, localProjects, localProjectStats, localSettings, isLocalCursor, overlayPending, toSummary } from "./local-queries";
export { cachedBytes, cacheFile, getBlob, bestBlob, blobKey } from "./blobs";
export { saveGallery, unsaveGallery, savedGalleries, savedKey, autoCache, galleryEstimate, type SaveOptions } from "./saved";
export { DISPLAY_MAX, DISPLAY_VARIANT } from "./display";
export { clearOfflineData, requestPersistence, storageInfo, type StorageInfo } from "./storage";
export { getStatus, observe, subscribeStatus, type SyncStatus } from "./status";
export { SyncRejected, type SyncReport } from "./sync";
export { engine, onSyncReport, startOffline, stopOffline, stopOfflineAndSettle, syncNow } from "./runtime";
