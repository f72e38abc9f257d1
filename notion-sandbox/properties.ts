/**
 * Property schemas and property values: parsing Notion request shapes into stored records.
 * Parsing validates everything before changing anything, so a rejected request leaves the
 * schema untouched (new select/multi_select option names are only added once all is valid).
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseRichText } from "./rich-text";
import {
  PROPERTY_TYPES,
  SELECT_COLORS,
  type DateValue,
  type PropertyType,
  type SchemaProperty,
  type SelectColor,
  type SelectOption,
  type StoredValue,
} from "./types";
import { expectArray, expectBoolean, expectObject, expectString, fail, isObject, MAX_TEXT_LENGTH } from "./validate";
import { validationError } from "./errors";

/** The schema of a page that is not a database row: just its title. */
export const PAGE_TITLE_SCHEMA: readonly SchemaProperty[] = [{ id: "title", name: "title", type: "title", description: null }];

const READ_ONLY_TYPES: ReadonlySet<PropertyType> = new Set(["created_time", "last_edited_time"]);
const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789;=?[]^_{|}<>:";

/** Notion's property ids are short and URL-encoded (e.g. `a%3Bx`); clients must treat them as opaque. */
export function newPropertyId(): string {
  const chars = [...randomBytes(4)].map((byte) => ID_ALPHABET[byte % ID_ALPHABET.length]);
  return encodeURIComponent(chars.join(""));
}

export const cloneSchema = (schema: readonly SchemaProperty[]): SchemaProperty[] =>
  schema.map((p) => ({ ...p, ...(p.options ? { options: p.options.map((o) => ({ ...o })) } : {}) }));

export function findProperty(schema: readonly SchemaProperty[], key: string): SchemaProperty | undefined {
  return schema.find((p) => p.name === key) ?? schema.find((p) => p.id === key || decodeURIComponent(p.id) === key);
}

function parseColor(value: unknown, path: string): SelectColor {
  if (value === undefined) return "default";
  if (!SELECT_COLORS.includes(value as SelectColor)) fail(path, `one of ${SELECT_COLORS.map((c) => `\`"${c}"\``).join(", ")}`, value);
  return value as SelectColor;
}

function typeOfConfig(config: Record<string, unknown>, path: string): PropertyType {
  const declared = config.type;
  const type = typeof declared === "string" ? declared : PROPERTY_TYPES.find((t) => t in config);
  if (!type) fail(path, "a property configuration with one of the supported types", config);
  if (!PROPERTY_TYPES.includes(type as PropertyType)) {
    throw validationError(`${path}.type \`${type}\` is not supported by the Notion sandbox (supported: ${PROPERTY_TYPES.join(", ")}).`);
  }
  return type as PropertyType;
}

function parseOptions(config: unknown, path: string): SelectOption[] {
  const options = isObject(config) && config.options !== undefined ? expectArray(config.options, `${path}.options`) : [];
  return options.map((raw, index) => {
    const option = expectObject(raw, `${path}.options[${index}]`);
    return {
      id: randomUUID(),
      name: expectString(option.name, `${path}.options[${index}].name`, 100),
      color: parseColor(option.color, `${path}.options[${index}].color`),
      description: null,
    };
  });
}

function parsePropertyConfig(name: string, raw: unknown, path: string): SchemaProperty {
  const config = expectObject(raw, path);
  const type = typeOfConfig(config, path);
  const property: SchemaProperty = {
    id: type === "title" ? "title" : newPropertyId(),
    name,
    type,
    description: typeof config.description === "string" ? config.description : null,
  };
  if (type === "select" || type === "multi_select") property.options = parseOptions(config[type], `${path}.${type}`);
  return property;
}

/** `properties` of a new data source; adds a "Name" title when none is given, as Notion does. */
export function parseSchema(input: unknown, path: string): SchemaProperty[] {
  const entries = input === undefined ? [] : Object.entries(expectObject(input, path));
  const schema = entries.map(([name, config]) => parsePropertyConfig(name, config, `${path}.${name}`));
  const titles = schema.filter((p) => p.type === "title");
  if (titles.length > 1) throw validationError(`${path} must have exactly one title property, found ${titles.length}.`);
  if (titles.length === 0) schema.unshift({ id: "title", name: "Name", type: "title", description: null });
  return schema;
}

/**
 * PATCH /v1/data_sources/{id} `properties`: `null` deletes, `{name}` renames, a type config adds or
 * replaces; a select's `options` replace its list (replaceOptions).
 */
export function updateSchema(schema: readonly SchemaProperty[], input: unknown, path: string): SchemaProperty[] {
  const next = cloneSchema(schema);
  for (const [key, raw] of Object.entries(expectObject(input, path))) {
    const keyPath = `${path}.${key}`;
    const existing = findProperty(next, key);
    if (raw === null) {
      if (!existing) throw validationError(`${key} is not a property that exists.`);
      if (existing.type === "title") throw validationError("Cannot delete the title property.");
      next.splice(next.indexOf(existing), 1);
      continue;
    }
    const change = expectObject(raw, keyPath);
    const newName = change.name === undefined ? undefined : expectString(change.name, `${keyPath}.name`, 100);
    const hasConfig = PROPERTY_TYPES.some((t) => t in change) || "type" in change;
    if (existing && !hasConfig) {
      if (newName !== undefined) existing.name = newName;
      continue;
    }
    const type = typeOfConfig(change, keyPath);
    if (existing && existing.type === type) {
      if (newName !== undefined) existing.name = newName;
      const config = change[type];
      if ((type === "select" || type === "multi_select") && isObject(config) && config.options !== undefined) {
        existing.options = replaceOptions(existing.options ?? [], config.options, `${keyPath}.${type}.options`);
      }
      continue;
    }
    const parsed = parsePropertyConfig(newName ?? existing?.name ?? key, change, keyPath);
    if (existing) {
      if (existing.type === "title" || parsed.type === "title") throw validationError("Cannot change the type of the title property.");
      next[next.indexOf(existing)] = { ...parsed, id: existing.id };
    } else {
      if (parsed.type === "title") throw validationError("A data source has exactly one title property.");
      next.push(parsed);
    }
  }
  const names = new Set(next.map((p) => p.name));
  if (names.size !== next.length) throw validationError(`${path} would give two properties the same name.`);
  return next;
}

/**
 * A select's `options` in an update, as Notion's reference says: the whole list. An existing option
 * is named by `id` (a new `name` renames it, on every page that carries it, since pages hold option
 * ids) or by its exact `name`; a name it does not know adds an option; an existing option left out
 * is removed, from the property and so from every page. Names follow the page-value rules (≤ 100
 * characters, no commas), and two options may not share a name (UNCONFIRMED, see README).
 */
function replaceOptions(existing: readonly SelectOption[], raw: unknown, path: string): SelectOption[] {
  const next = expectArray(raw, path).map((entry, index): SelectOption => {
    const itemPath = `${path}[${index}]`;
    const option = expectObject(entry, itemPath);
    const name = option.name === undefined ? undefined : optionName(option.name, `${itemPath}.name`);
    const known = typeof option.id === "string" ? existing.find((o) => o.id === option.id) : name === undefined ? undefined : existing.find((o) => o.name === name);
    if (typeof option.id === "string" && !known) throw validationError(`${itemPath}.id: option with id ${option.id} does not exist.`);
    if (known) return { ...known, name: name ?? known.name, color: option.color === undefined ? known.color : parseColor(option.color, `${itemPath}.color`) };
    if (name === undefined) fail(`${itemPath}.name`, "defined", undefined);
    return { id: randomUUID(), name, color: parseColor(option.color, `${itemPath}.color`), description: null };
  });
  const names = new Set(next.map((o) => o.name));
  if (names.size !== next.length) throw validationError(`${path} would give two options the same name.`);
  return next;
}

function optionName(value: unknown, path: string): string {
  const name = expectString(value, path, 100);
  if (name.includes(",")) fail(path, "a name without commas", name);
  return name;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseDateString(value: unknown, path: string): string {
  const text = expectString(value, path, 100);
  if (!ISO_DATE.test(text) && Number.isNaN(Date.parse(text))) fail(path, "a valid ISO 8601 date or date-time", value);
  return text;
}

interface PendingOption {
  property: SchemaProperty;
  option: SelectOption;
}

/** Resolves `{name}` / `{id}` option references; unknown names become new options (UNCONFIRMED, see README). */
function resolveOption(property: SchemaProperty, raw: unknown, path: string, pending: PendingOption[]): string {
  const ref = expectObject(raw, path);
  const options = property.options ?? [];
  if (typeof ref.id === "string") {
    const byId = options.find((o) => o.id === ref.id) ?? pending.find((p) => p.property === property && p.option.id === ref.id)?.option;
    if (!byId) throw validationError(`${path}.id: option with id ${ref.id} does not exist on property ${property.name}.`);
    return byId.id;
  }
  const name = optionName(ref.name, `${path}.name`);
  const existing = options.find((o) => o.name === name) ?? pending.find((p) => p.property === property && p.option.name === name)?.option;
  if (existing) return existing.id;
  const option: SelectOption = { id: randomUUID(), name, color: parseColor(ref.color, `${path}.color`), description: null };
  pending.push({ property, option });
  return option.id;
}

function parseValue(property: SchemaProperty, raw: unknown, path: string, pending: PendingOption[]): StoredValue {
  const container = expectObject(raw, path);
  if (container.type !== undefined && container.type !== property.type) fail(`${path}.type`, `\`"${property.type}"\``, container.type);
  if (READ_ONLY_TYPES.has(property.type)) throw validationError(`${path}: ${property.type} properties are read-only.`);
  const value = container[property.type];
  const valuePath = `${path}.${property.type}`;
  if (value === undefined) fail(valuePath, "defined", value);
  switch (property.type) {
    case "title":
    case "rich_text":
      return { type: property.type, richText: parseRichText(value, valuePath) };
    case "url":
      return { type: "url", value: value === null ? null : expectString(value, valuePath, MAX_TEXT_LENGTH) };
    case "email":
      return { type: "email", value: value === null ? null : expectString(value, valuePath, 200) };
    case "number":
      if (value !== null && (typeof value !== "number" || !Number.isFinite(value))) fail(valuePath, "a number or `null`", value);
      return { type: "number", value };
    case "checkbox":
      return { type: "checkbox", value: expectBoolean(value, valuePath) };
    case "select":
      return { type: "select", optionId: value === null ? null : resolveOption(property, value, valuePath, pending) };
    case "multi_select": {
      const refs = expectArray(value, valuePath);
      const ids = refs.map((ref, index) => resolveOption(property, ref, `${valuePath}[${index}]`, pending));
      return { type: "multi_select", optionIds: [...new Set(ids)] };
    }
    case "date":
      return { type: "date", value: value === null ? null : parseDate(value, valuePath) };
    case "created_time":
    case "last_edited_time":
      throw validationError(`${path}: ${property.type} properties are read-only.`);
  }
}

function parseDate(raw: unknown, path: string): DateValue {
  const date = expectObject(raw, path);
  return {
    start: parseDateString(date.start, `${path}.start`),
    end: date.end === undefined || date.end === null ? null : parseDateString(date.end, `${path}.end`),
    time_zone: typeof date.time_zone === "string" ? date.time_zone : null,
  };
}

/**
 * Request `properties` (keyed by property name or id) → stored values keyed by property id.
 * New option names are appended to the schema only after every value parsed.
 */
export function parsePropertyValues(input: unknown, schema: readonly SchemaProperty[], path: string): Record<string, StoredValue> {
  const values: Record<string, StoredValue> = {};
  const pending: PendingOption[] = [];
  for (const [key, raw] of Object.entries(expectObject(input, path))) {
    const property = findProperty(schema, key);
    if (!property) throw validationError(`${key} is not a property that exists.`);
    values[property.id] = parseValue(property, raw, `${path}.${key}`, pending);
  }
  for (const { property, option } of pending) (property.options ??= []).push(option);
  return values;
}
