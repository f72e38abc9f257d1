import type { ListQuery } from "@/lib/bookmarks/schema";

/**
 * The dashboard URL for a view. Defaults are left out so a shared link stays short, and tags are
 * repeated params, which listQuerySchema reads back as a list. `edit` opens that bookmark's edit
 * dialog (the target of "Already saved").
 */
export function listHref(workspaceId: string, view: Partial<ListQuery> & { edit?: string }): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  for (const tag of view.tags ?? []) params.append("tags", tag);
  if (view.sort && view.sort !== "newest") params.set("sort", view.sort);
  if (view.cursor) params.set("cursor", view.cursor);
  if (view.edit) params.set("edit", view.edit);
  const search = params.toString();
  return `/w/${workspaceId}/bookmarks${search ? `?${search}` : ""}`;
}

/** The same view with `tag` added to or removed from the filter, back on the first page. */
export function withTagToggled(query: ListQuery, tag: string): Partial<ListQuery> {
  const has = query.tags.some((t) => t.toLowerCase() === tag.toLowerCase());
  const tags = has ? query.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase()) : [...query.tags, tag];
  return { ...query, tags, cursor: undefined };
}
