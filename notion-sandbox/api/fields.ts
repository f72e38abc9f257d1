/** Request fields several endpoints share: icon, cover, and the trash flag with its `archived` alias. */
import { hasArchivedAlias } from "../versions";
import type { PageIcon } from "../types";
import { expectBoolean, expectObject, expectString, fail, isObject, MAX_TEXT_LENGTH } from "../validate";
import type { ApiContext } from "./context";

/** Emoji and external icons; file uploads and custom emoji are not emulated. */
export function parseIcon(value: unknown, path: string): PageIcon | null | undefined {
  if (value === undefined || value === null) return value;
  const icon = expectObject(value, path);
  if (typeof icon.emoji === "string") return { type: "emoji", emoji: icon.emoji as Extract<PageIcon, { type: "emoji" }>["emoji"] };
  if (isObject(icon.external)) return { type: "external", external: { url: expectString(icon.external.url, `${path}.external.url`, MAX_TEXT_LENGTH) } };
  return fail(path, "an emoji or external icon", value);
}

export function parseCover(value: unknown, path: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  const cover = expectObject(value, path);
  if (!isObject(cover.external)) fail(`${path}.external`, "an object (the sandbox supports external covers only)", cover.external);
  return expectString(cover.external.url, `${path}.external.url`, MAX_TEXT_LENGTH);
}

/** `in_trash`, or before 2026-03-11 its deprecated alias `archived`; undefined when neither is sent. */
export function parseTrashFlag(ctx: ApiContext, body: Record<string, unknown>): boolean | undefined {
  if (body.archived !== undefined && !hasArchivedAlias(ctx.version)) fail("body.archived", "not present (use in_trash)", body.archived);
  if (body.in_trash !== undefined) return expectBoolean(body.in_trash, "body.in_trash");
  if (body.archived !== undefined) return expectBoolean(body.archived, "body.archived");
  return undefined;
}
