import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireWorkspace } from "@/lib/auth/session";
import { bookmarkIdSchema } from "@/lib/bookmarks/schema";
import { readerPage } from "@/lib/content/service";
import { imagesOfBookmarks } from "@/lib/link-images/queries";
import { ReaderView } from "./reader-view";

type Params = { params: Promise<{ workspaceId: string; bookmarkId: string }> };

/** The bookmark of this person's workspace, or not found (someone else's id, a malformed one, the trash). */
const load = cache(async (workspaceId: string, bookmarkId: string) => {
  const { workspace } = await requireWorkspace(workspaceId);
  const id = bookmarkIdSchema.safeParse(bookmarkId);
  if (!id.success) notFound();
  const db = await getDb();
  const page = await readerPage({ db, workspace }, id.data);
  if (!page) notFound();
  const images = await imagesOfBookmarks(db, workspace.id, [id.data]);
  return { page, preview: images[id.data]?.preview ?? null, writable: workspace.status === "active" };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { workspaceId, bookmarkId } = await params;
  const { page } = await load(workspaceId, bookmarkId);
  return { title: page.article?.title || page.bookmark.title || "Reader" };
}

export default async function ReadPage({ params }: Params) {
  const { workspaceId, bookmarkId } = await params;
  const { page, preview, writable } = await load(workspaceId, bookmarkId);
  return <ReaderView workspaceId={workspaceId} page={page} preview={preview} writable={writable} />;
}
