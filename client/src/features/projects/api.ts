import type {
  ImageList,
  Project,
  ProjectCreate,
  ProjectListQuery,
  ProjectStats,
  ProjectUpdate,
} from "@image-studio/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api";

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
    queryFn: async ({ signal }) => (await api<{ items: Project[] }>(`/api/projects?${qs(q)}`, { signal })).items,
  });

export const projectOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api<Project>(`/api/projects/${id}`, { signal }),
  });

export const projectStatsOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.stats(id),
    queryFn: ({ signal }) => api<ProjectStats>(`/api/projects/${id}/stats`, { signal }),
  });

export const projectImagesOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: projectKeys.images(id),
    queryFn: ({ pageParam, signal }) =>
      api<ImageList>(
        `/api/projects/${id}/images?limit=100${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createProject = (body: ProjectCreate) =>
  api<Project>("/api/projects", { method: "POST", body: { id: crypto.randomUUID(), ...body } });
export const updateProject = (id: string, body: ProjectUpdate) =>
  api<Project>(`/api/projects/${id}`, { method: "PUT", body });
export const archiveProject = (id: string, archived: boolean) =>
  api<Project>(`/api/projects/${id}/archive`, { method: "PUT", body: { archived } });
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
