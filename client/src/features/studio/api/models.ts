export { type ModelEntry, modelsQuery } from "@/lib/models";
