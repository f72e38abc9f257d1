import { createHash } from "node:crypto";
import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { bookmarkImages, linkImages, workspaces, type LinkImage } from "@/db/schema";
import type { ImageKind, Processed } from "./process";
import type { ImageSources } from "./types";

/** What is known about a host's icon or a URL's preview, without its bytes. */
export type StoredImage = Pick<LinkImage, "id" | "digest" | "sourceUrl" | "failure" | "fetchedAt">;

const withoutBytes = {
  id: linkImages.id,
  digest: linkImages.digest,
  sourceUrl: linkImages.sourceUrl,
  failure: linkImages.failure,
  fetchedAt: linkImages.fetchedAt,
};

export async function findImage(db: Database, kind: ImageKind, key: string): Promise<StoredImage | null> {
  const [row] = await db
    .select(withoutBytes)
    .from(linkImages)
    .where(and(eq(linkImages.kind, kind), eq(linkImages.key, key)));
  return row ?? null;
}

export type ImageOutcome = { image: Processed; sourceUrl: string } | { failure: string };

/** Records what the latest fetch found (or why it found nothing), replacing what was there. */
export async function saveImage(db: Database, kind: ImageKind, key: string, outcome: ImageOutcome): Promise<StoredImage> {
  const values =
    "image" in outcome
      ? {
          sourceUrl: outcome.sourceUrl,
          contentType: outcome.image.contentType,
          bytes: outcome.image.bytes,
          width: outcome.image.width,
          height: outcome.image.height,
          digest: createHash("sha256").update(outcome.image.bytes).digest("hex").slice(0, 12),
          failure: null,
        }
      : { sourceUrl: null, contentType: null, bytes: null, width: null, height: null, digest: null, failure: outcome.failure };
  const [row] = await db
    .insert(linkImages)
    .values({ kind, key, ...values })
    .onConflictDoUpdate({ target: [linkImages.kind, linkImages.key], set: { ...values, fetchedAt: sql`now()` } })
    .returning(withoutBytes);
  return row!;
}

/** Points a bookmark at its icon and preview (null: none found). */
export async function linkBookmarkImages(
  db: Database,
  workspaceId: string,
  bookmarkId: string,
  images: { iconId: number | null; previewId: number | null },
): Promise<void> {
  await db
    .insert(bookmarkImages)
    .values({ bookmarkId, workspaceId, ...images })
    .onConflictDoUpdate({ target: bookmarkImages.bookmarkId, set: images });
}

/** The path Shelf serves an image at; it changes with the bytes, so it can be cached for good. */
export const imagePath = (image: { id: number; digest: string }) => `/img/${image.id}/${image.digest}`;

export type BookmarkImageSources = Record<string, ImageSources>;

/** The served icon and preview paths of these bookmarks of the workspace; bookmarks without any are left out. */
export async function imagesOfBookmarks(db: Database, workspaceId: string, bookmarkIds: string[]): Promise<BookmarkImageSources> {
  if (bookmarkIds.length === 0) return {};
  const icon = alias(linkImages, "icon");
  const preview = alias(linkImages, "preview");
  const rows = await db
    .select({ bookmarkId: bookmarkImages.bookmarkId, iconId: icon.id, iconDigest: icon.digest, previewId: preview.id, previewDigest: preview.digest })
    .from(bookmarkImages)
    .leftJoin(icon, and(eq(icon.id, bookmarkImages.iconId), isNotNull(icon.digest)))
    .leftJoin(preview, and(eq(preview.id, bookmarkImages.previewId), isNotNull(preview.digest)))
    .where(and(eq(bookmarkImages.workspaceId, workspaceId), inArray(bookmarkImages.bookmarkId, bookmarkIds)));
  const sources: BookmarkImageSources = {};
  for (const row of rows) {
    const entry = {
      ...(row.iconId !== null && row.iconDigest ? { icon: imagePath({ id: row.iconId, digest: row.iconDigest }) } : {}),
      ...(row.previewId !== null && row.previewDigest ? { preview: imagePath({ id: row.previewId, digest: row.previewDigest }) } : {}),
    };
    if (entry.icon || entry.preview) sources[row.bookmarkId] = entry;
  }
  return sources;
}

/**
 * An image's bytes for the serving route, only when its digest is the current one and one of the
 * person's own bookmarks shows it: anyone else's image behaves as not found.
 */
export async function imageForPerson(db: Database, userId: string, id: number, digest: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const [row] = await db
    .select({ bytes: linkImages.bytes, contentType: linkImages.contentType })
    .from(linkImages)
    .where(
      and(
        eq(linkImages.id, id),
        eq(linkImages.digest, digest),
        sql`exists (${db
          .select({ one: sql`1` })
          .from(bookmarkImages)
          .innerJoin(workspaces, eq(workspaces.id, bookmarkImages.workspaceId))
          .where(and(eq(workspaces.userId, userId), or(eq(bookmarkImages.iconId, id), eq(bookmarkImages.previewId, id))))})`,
      ),
    );
  return row?.bytes && row.contentType ? { bytes: row.bytes, contentType: row.contentType } : null;
}
