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
import { ApiError } from "@/lib/api";
import { call, rpc } from "@/lib/rpc";
import { orLocal } from "@/lib/local-first";
import { engine, enqueue, isLocalCursor, localImagePage, localProject, localProjects, localProjectStats, type NewMutation } from "@/offline";

/** Project ids are UUIDs: the routes take them by this pattern. */
const ID = ":id{[0-9a-fA-F-]{36}}";
const P = rpc.projects;
const byId = (id: string, signal?: AbortSignal): Promise<Project> => call(P[ID].$get({ param: { id } }, { init: { signal } }));

/** Writes go through the outbox: the server's project once applied, the device's copy while queued offline. */
async function viaOutbox(m: NewMutation, id: string): Promise<Project> {
  const entry = await enqueue(m);
  const outcome = await engine.outcome(entry.id);
  if (outcome === "applied") return orLocal(() => byId(id), () => localProject(id));
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

/** The query without empty values (an empty `q` or `tag` is no filter). */
const compact = <T extends Record<string, string | undefined>>(q: T): Partial<T> =>
  Object.fromEntries(Object.entries(q).filter((e) => Boolean(e[1]))) as Partial<T>;

export const projectListOptions = (q: ProjectListQuery = {}) =>
  queryOptions({
    queryKey: projectKeys.list(q),
    queryFn: ({ signal }) =>
      orLocal(async (): Promise<Project[]> => (await call(P.index.$get({ query: compact(q) }, { init: { signal } }))).items, () => localProjects(q)),
  });

export const projectOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => orLocal(() => byId(id, signal), () => localProject(id)),
  });

export const projectStatsOptions = (id: string) =>
  queryOptions({
    queryKey: projectKeys.stats(id),
    queryFn: ({ signal }) =>
      orLocal((): Promise<ProjectStats> => call(P[ID].stats.$get({ param: { id } }, { init: { signal } })), () => localProjectStats(id)),
  });

export const projectImagesOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: projectKeys.images(id),
    queryFn: ({ pageParam, signal }) =>
      isLocalCursor(pageParam)
        ? localImagePage({ projectId: id }, pageParam)
        : orLocal(
            (): Promise<ImageList> =>
              call(P[ID].images.$get({ param: { id }, query: { limit: "100", ...(pageParam ? { cursor: pageParam } : {}) } }, { init: { signal } })),
            // Offline from the first page: the device's images of the project (paged with local cursors).
            async () => (pageParam ? undefined : localImagePage({ projectId: id }, undefined)),
          ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

const createOnline = (body: ProjectCreate): Promise<Project> => call(P.index.$post({ json: body }));

/** From a template the server fills in the defaults, so that stays an online request; a plain project works offline. */
export function createProject(body: ProjectCreate) {
  const id = body.id ?? crypto.randomUUID();
  if (body.templateId) return createOnline({ ...body, id });
  return viaOutbox({ type: "project.create", project: { ...body, id } }, id);
}
export const updateProject = (id: string, body: ProjectUpdate) => viaOutbox({ type: "project.update", projectId: id, patch: body }, id);
export const archiveProject = (id: string, archived: boolean) => viaOutbox({ type: "project.update", projectId: id, patch: { isArchived: archived } }, id);
export const deleteProject = (id: string, images: "unassign" | "trash") => call(P[ID].$delete({ param: { id }, query: { images } }));
export const duplicateProject = (id: string): Promise<Project> => call(P[ID].duplicate.$post({ param: { id }, json: { id: crypto.randomUUID() } }));
export const saveAsTemplate = (id: string, name: string): Promise<Project> =>
  call(P[ID].template.$post({ param: { id }, json: { id: crypto.randomUUID(), name } }));
export const addToProject = (id: string, imageIds: string[]): Promise<{ affected: string[]; project: Project }> =>
  call(P[ID].images.add.$post({ param: { id }, json: { imageIds } }));
export const removeFromProject = (id: string, imageId: string): Promise<Project> =>
  call(P[ID].images[":imageId"].$delete({ param: { id, imageId } }));

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
