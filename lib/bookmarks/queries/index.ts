// The bookmarks repository: SQL only, one file per concern (docs/architecture.md).
export * from "./mirror";
export * from "./duplicates";
export * from "./writes";
export * from "./sync-upserts";
export * from "./outbox";
export * from "./status";
export * from "./tags";
export * from "./trash";
