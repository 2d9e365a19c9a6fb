import type {
  ImageList,
  Project,
  ProjectCreate,
  ProjectListQuery,
  ProjectStats,
  ProjectUpdate,
} from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { i18n } from "@/i18n";
import { api, ApiError } from "@/lib/api";
import { orLocal } from "@/lib/local-first";
import { engine, enqueue, isLocalCursor, localImagePage, localProject, localProjects, localProjectStats, type NewMutation } from "@/offline";

/** Writes go through the outbox: the server's project once applied, the device's copy while queued offline. */
async function viaOutbox(m: NewMutation, id: string): Promise<Project> {
  const entry = await enqueue(m);
  const outcome = await engine.outcome(entry.id);
  if (outcome === "applied") return orLocal(() => api<Project>(`/api/projects/${id}`), () => localProject(id));
  const local = await localProject(id);
  if (!local) throw new ApiError(0, "NETWORK", i18n.t("projects:offline.savedOnDevice"));
  return local;
}

/** Query keys: everything about projects lives under ["projects"]. */
export const projectKeys = {
  all: ["projects"] as const,
  list: (q: ProjectListQuery) => ["projects", "list", q] as const,
  detail: (id: string) => ["projects", "detail", id] as const,
  images: (id: string) => ["projects", "images", id] as const,
  stats: (id: string) => ["projects", "stats", id] as const,
};

const qs = (q: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export const projectListOptions = (q: ProjectListQuery = {}) =>
  queryOptions({
    queryKey: projectKeys.list(q),
    queryFn: ({ signal }) =>
      orLocal(async () => (await api<{ items: Project[] }>(`/api/projects?${qs(q)}`, { signal })).items, () => localProjects(q)),
  });

export const projectOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => orLocal(() => api<Project>(`/api/projects/${id}`, { signal }), () => localProject(id)),
  });

export const projectStatsOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.stats(id),
    queryFn: ({ signal }) => orLocal(() => api<ProjectStats>(`/api/projects/${id}/stats`, { signal }), () => localProjectStats(id)),
  });

export const projectImagesOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: projectKeys.images(id),
    queryFn: ({ pageParam, signal }) =>
      isLocalCursor(pageParam)
        ? localImagePage({ projectId: id }, pageParam)
        : orLocal(
            () => api<ImageList>(`/api/projects/${id}/images?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
            // Offline from the first page: the device's images of the project (paged with local cursors).
            async () => (pageParam ? undefined : localImagePage({ projectId: id }, undefined)),
          ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** From a template the server fills in the defaults, so that stays an online request; a plain project works offline. */
export function createProject(body: ProjectCreate) {
  const id = body.id ?? crypto.randomUUID();
  if (body.templateId) return api<Project>("/api/projects", { method: "POST", body: { ...body, id } });
  return viaOutbox({ type: "project.create", project: { ...body, id } }, id);
}
export const updateProject = (id: string, body: ProjectUpdate) => viaOutbox({ type: "project.update", projectId: id, patch: body }, id);
export const archiveProject = (id: string, archived: boolean) => viaOutbox({ type: "project.update", projectId: id, patch: { isArchived: archived } }, id);
export const deleteProject = (id: string, images: "unassign" | "trash") =>
  api<{ deleted: true }>(`/api/projects/${id}?images=${images}`, { method: "DELETE" });
export const duplicateProject = (id: string) =>
  api<Project>(`/api/projects/${id}/duplicate`, { method: "POST", body: { id: crypto.randomUUID() } });
export const saveAsTemplate = (id: string, name: string) =>
  api<Project>(`/api/projects/${id}/template`, { method: "POST", body: { id: crypto.randomUUID(), name } });
export const addToProject = (id: string, imageIds: string[]) =>
  api<{ affected: string[]; project: Project }>(`/api/projects/${id}/images/add`, {
    method: "POST",
    body: { imageIds },
  });
export const removeFromProject = (id: string, imageId: string) =>
  api<Project>(`/api/projects/${id}/images/${imageId}`, { method: "DELETE" });

/** Downloads the export through a form post, so the browser streams the ZIP to disk. */
export function exportProject(id: string) {
  const form = document.createElement("form");
  form.method = "POST";
  form.action = `/api/projects/${id}/export`;
  form.style.display = "none";
  document.body.appendChild(form);
  form.submit();
  form.remove();
}
