"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { PropertyMap } from "@/db/schema";
import { chooseDatabaseAction } from "./actions";

export type DatabaseOption = {
  dataSourceId: string;
  title: string;
  titleProperty: string;
  candidates: { url: string[]; description: string[]; tags: string[]; savedAt: string[] };
  suggested: PropertyMap;
  ambiguous: boolean;
};

/** The Saved choice that asks Shelf to add the property to the database (not a property name). */
const ADD_SAVED = "\u0000add";

const selectClass = "w-full rounded-md border border-line-strong bg-raised px-2 py-1.5 text-sm";

/** One fitting database: its property mapping (preselected, editable) and "Use this database". */
export function DatabaseChoice({ workspaceId, option }: { workspaceId: string; option: DatabaseOption }) {
  // A database without a Saved date is offered one, preselected: without it, links saved in the
  // same minute have only Shelf's save order, which a new mirror of the database can't know.
  const [map, setMap] = useState<PropertyMap>({ ...option.suggested, savedAt: option.suggested.savedAt ?? ADD_SAVED });
  const [pending, start] = useTransition();
  const router = useRouter();
  const id = (field: string) => `${option.dataSourceId}-${field}`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    start(async () => {
      const addSaved = map.savedAt === ADD_SAVED;
      const propertyMap = { ...map, savedAt: addSaved ? null : (map.savedAt ?? null) };
      const result = await chooseDatabaseAction({ workspaceId, dataSourceId: option.dataSourceId, propertyMap, addSaved });
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Bookmarks now go to “${option.title}”.`);
      router.push(`/w/${workspaceId}/bookmarks`);
    });
  }

  const field = (key: "url" | "description" | "tags" | "savedAt", label: string, names: string[], optional: boolean, extra?: React.ReactNode) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={id(key)} className="text-xs font-medium text-muted">
        {label}
      </label>
      <select
        id={id(key)}
        className={selectClass}
        value={map[key] ?? ""}
        onChange={(e) => setMap({ ...map, [key]: e.target.value || null })}
      >
        {optional && <option value="">(none)</option>}
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {extra}
      </select>
    </div>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label={`Use ${option.title}`}>
      {option.ambiguous && <p className="text-sm text-muted">Several properties could fit: check which one holds what.</p>}
      <div className="grid gap-3 sm:grid-cols-5">
        <div className="flex flex-col gap-1">
          <span className="text-xs font-medium text-muted">Title</span>
          <span className="py-1.5 text-sm">{option.titleProperty}</span>
        </div>
        {field("url", "Web address", option.candidates.url, false)}
        {field("description", "Description", option.candidates.description, true)}
        {field("tags", "Tags", option.candidates.tags, true)}
        {field(
          "savedAt",
          "Saved date",
          option.candidates.savedAt,
          true,
          !option.candidates.savedAt.includes("Saved") && <option value={ADD_SAVED}>Add “Saved” to the database</option>,
        )}
      </div>
      <div>
        <Button variant="primary" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Use this database"}
        </Button>
      </div>
    </form>
  );
}
