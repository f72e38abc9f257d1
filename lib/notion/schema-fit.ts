import type { CreateDatabaseParameters, DataSourceObjectResponse } from "@notionhq/client";
import type { PropertyMap } from "@/db/schema";

/** Only the schema is needed, so partial data sources work too. */
type DataSourceSchema = Pick<DataSourceObjectResponse, "properties">;
type PropertyType = DataSourceObjectResponse["properties"][string]["type"];

export type SchemaAnalysis = {
  fits: boolean;
  /** Why it doesn't fit, in words for the person. */
  reason?: string;
  candidates: { title: string; url: string[]; description: string[]; tags: string[]; savedAt: string[] };
  /** A map to preselect; null when the data source doesn't fit. */
  suggested: PropertyMap | null;
  /** True when the person should confirm the suggestion instead of us assuming it. */
  ambiguous: boolean;
};

// Lowercase names people commonly give these properties, best first.
const PREFERRED_NAMES = {
  url: ["url", "link", "website"],
  description: ["description", "notes", "summary"],
  tags: ["tags", "labels", "topics"],
  savedAt: ["saved", "saved at", "added", "date added", "date"],
};

// The names Notion's UI uses for each property type, for error messages.
const TYPE_LABELS: Partial<Record<PropertyType, string>> = {
  title: "Title",
  rich_text: "Text",
  url: "URL",
  multi_select: "Multi-select",
  select: "Select",
  number: "Number",
  date: "Date",
  checkbox: "Checkbox",
  created_time: "Created time",
};

export function analyzeSchema(ds: DataSourceSchema): SchemaAnalysis {
  const titles = namesOfType(ds, "title");
  const candidates = {
    title: titles[0] ?? "",
    url: namesOfType(ds, "url"),
    description: namesOfType(ds, "rich_text"),
    tags: namesOfType(ds, "multi_select"),
    savedAt: namesOfType(ds, "date"),
  };

  const url = pick(candidates.url, PREFERRED_NAMES.url);
  const notFit = (reason: string) => ({ fits: false, reason, candidates, suggested: null, ambiguous: false });
  if (titles.length !== 1) return notFit("It needs exactly one title property");
  if (url.name === null) return notFit("No URL property: add a property of type URL for the web addresses");

  const description = pick(candidates.description, PREFERRED_NAMES.description);
  const tags = pick(candidates.tags, PREFERRED_NAMES.tags);
  // A date property is only taken for Saved by its name: a "Due" or "Published" date is not when
  // the link was saved, and writing there would overwrite the person's data.
  const savedAt = pickByName(candidates.savedAt, PREFERRED_NAMES.savedAt);
  return {
    fits: true,
    candidates,
    suggested: { title: candidates.title, url: url.name, description: description.name, tags: tags.name, savedAt },
    // Several URL properties is ambiguous even with a preferred name: storing
    // links in the wrong column is worse than asking once.
    ambiguous: candidates.url.length > 1 || description.guessed || tags.guessed,
  };
}

/** Why `map` can't be used with this data source, or null when it can. */
export function validatePropertyMap(ds: DataSourceSchema, map: PropertyMap): string | null {
  const checks: [string | null, PropertyType, string][] = [
    [map.title, "title", "title"],
    [map.url, "url", "web address"],
    [map.description, "rich_text", "description"],
    [map.tags, "multi_select", "tags"],
    [map.savedAt ?? null, "date", "saved date"],
  ];
  for (const [name, type, role] of checks) {
    if (name === null) continue;
    // hasOwn: a name like "constructor" must not find Object.prototype members.
    const property = Object.hasOwn(ds.properties, name) ? ds.properties[name] : undefined;
    if (!property) return `There's no property called "${name}" for the ${role}`;
    if (property.type !== type) {
      return `"${name}" is a ${typeLabel(property.type)} property, but the ${role} needs a ${typeLabel(type)} property`;
    }
  }
  return null;
}

type DatabaseProperties = NonNullable<NonNullable<CreateDatabaseParameters["initial_data_source"]>["properties"]>;

/** Schema for a Bookmarks database that Shelf creates for the person. */
export const BOOKMARKS_DATABASE_PROPERTIES = {
  Name: { title: {} },
  URL: { url: {} },
  Description: { rich_text: {} },
  Tags: { multi_select: { options: [] } },
  // When it was saved, to the millisecond, written by Shelf on every create: Notion's created
  // time is rounded to the minute, and an import's links were saved long before.
  Saved: { date: {} },
  // Not mapped: Notion fills it in, and it lets the person sort by date in Notion itself.
  Created: { created_time: {} },
} satisfies DatabaseProperties;

export const DEFAULT_PROPERTY_MAP: PropertyMap = {
  title: "Name",
  url: "URL",
  description: "Description",
  tags: "Tags",
  savedAt: "Saved",
};

/** The property Shelf adds to a chosen database that has no Saved date (lib/notion/database.ts). */
export const SAVED_PROPERTY = { name: "Saved", schema: { date: {} } } as const;

function namesOfType(ds: DataSourceSchema, type: PropertyType): string[] {
  return Object.entries(ds.properties)
    .filter(([, property]) => property.type === type)
    .map(([name]) => name);
}

/** The first name matching a preference, else the first name (a guess when there were several). */
function pick(names: string[], preferred: string[]): { name: string | null; guessed: boolean } {
  for (const want of preferred) {
    const match = names.find((name) => name.trim().toLowerCase() === want);
    if (match !== undefined) return { name: match, guessed: false };
  }
  return { name: names[0] ?? null, guessed: names.length > 1 };
}

/** The first name matching a preference; never a guess. */
function pickByName(names: string[], preferred: string[]): string | null {
  for (const want of preferred) {
    const match = names.find((name) => name.trim().toLowerCase() === want);
    if (match !== undefined) return match;
  }
  return null;
}

function typeLabel(type: PropertyType): string {
  return TYPE_LABELS[type] ?? type.replace(/_/g, " ");
}
