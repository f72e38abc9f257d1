/** Notion-Version values and what changes between them. */

export const KNOWN_VERSIONS = ["2021-05-11", "2021-05-13", "2021-08-16", "2022-02-22", "2022-06-28", "2025-09-03", "2026-03-11"] as const;
export type NotionVersion = (typeof KNOWN_VERSIONS)[number];

export const isKnownVersion = (value: string): value is NotionVersion => (KNOWN_VERSIONS as readonly string[]).includes(value);

/** Versions before data sources: the sandbox only serves the endpoints whose shape did not change. */
export const isBeforeDataSources = (version: NotionVersion) => version < "2025-09-03";

/** 2026-03-11 removed the deprecated `archived` alias of `in_trash` everywhere. */
export const hasArchivedAlias = (version: NotionVersion) => version < "2026-03-11";
