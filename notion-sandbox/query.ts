/**
 * Data-source queries: Notion's filter grammar compiled once into a predicate and the sorts into
 * one comparator, so a query is one pass over the rows plus (only when sorts are given) a sort.
 * Text conditions compare case-insensitively (UNCONFIRMED, see README); lowercased text is
 * cached per stored value, and stored values are replaced (never mutated) on edit.
 */
import { validationError } from "./errors";
import { findProperty } from "./properties";
import { plainText } from "./rich-text";
import type { PageRecord, SchemaProperty, StoredValue } from "./types";
import { expectArray, expectObject, expectString, fail, isObject } from "./validate";

type Predicate = (page: PageRecord) => boolean;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Notion keeps created/last-edited times at minute precision, and filters see that value. */
const minute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

const lowered = new WeakMap<StoredValue, string>();

function textOf(page: PageRecord, property: SchemaProperty): string {
  const value = page.values[property.id];
  if (!value) return "";
  let text = lowered.get(value);
  if (text === undefined) {
    if (value.type === "title" || value.type === "rich_text") text = plainText(value.richText).toLowerCase();
    else if (value.type === "url" || value.type === "email") text = (value.value ?? "").toLowerCase();
    else text = "";
    lowered.set(value, text);
  }
  return text;
}

function timeOf(page: PageRecord, property: SchemaProperty): number | null {
  if (property.type === "created_time") return minute(page.createdTime);
  if (property.type === "last_edited_time") return minute(page.lastEditedTime);
  const value = page.values[property.id];
  return value?.type === "date" && value.value ? Date.parse(value.value.start) : null;
}

function optionIdsOf(page: PageRecord, property: SchemaProperty): string[] {
  const value = page.values[property.id];
  if (value?.type === "multi_select") return value.optionIds;
  if (value?.type === "select" && value.optionId) return [value.optionId];
  return [];
}

/** A filter condition object must hold exactly one operator. */
function singleCondition(raw: unknown, path: string): [string, unknown] {
  const entries = Object.entries(expectObject(raw, path));
  const [first, ...rest] = entries;
  if (!first || rest.length > 0) fail(path, "an object with exactly one condition", raw);
  return first;
}

function emptinessCheck(operator: string, operand: unknown, path: string, isEmpty: (page: PageRecord) => boolean): Predicate | undefined {
  if (operator !== "is_empty" && operator !== "is_not_empty") return undefined;
  if (operand !== true) fail(`${path}.${operator}`, "`true`", operand);
  return operator === "is_empty" ? isEmpty : (page) => !isEmpty(page);
}

function textCondition(property: SchemaProperty, raw: unknown, path: string): Predicate {
  const [operator, operand] = singleCondition(raw, path);
  const text = (page: PageRecord) => textOf(page, property);
  const empty = emptinessCheck(operator, operand, path, (page) => text(page) === "");
  if (empty) return empty;
  const needle = expectString(operand, `${path}.${operator}`).toLowerCase();
  switch (operator) {
    case "equals":
      return (page) => text(page) === needle;
    case "does_not_equal":
      return (page) => text(page) !== needle;
    case "contains":
      return (page) => text(page).includes(needle);
    case "does_not_contain":
      return (page) => !text(page).includes(needle);
    case "starts_with":
      return (page) => text(page).startsWith(needle);
    case "ends_with":
      return (page) => text(page).endsWith(needle);
  }
  return fail(`${path}.${operator}`, "one of equals, does_not_equal, contains, does_not_contain, starts_with, ends_with, is_empty, is_not_empty", operand);
}

function optionIdsByName(property: SchemaProperty, names: string[]): Array<string | undefined> {
  return names.map((name) => property.options?.find((o) => o.name === name)?.id);
}

function selectCondition(property: SchemaProperty, raw: unknown, path: string): Predicate {
  const [operator, operand] = singleCondition(raw, path);
  const ids = (page: PageRecord) => optionIdsOf(page, property);
  const empty = emptinessCheck(operator, operand, path, (page) => ids(page).length === 0);
  if (empty) return empty;
  const names = Array.isArray(operand) ? operand.map((n, i) => expectString(n, `${path}.${operator}[${i}]`)) : [expectString(operand, `${path}.${operator}`)];
  const wanted = optionIdsByName(property, names);
  // An unknown option name matches no row.
  const hasAll = (page: PageRecord) => wanted.every((id) => id !== undefined && ids(page).includes(id));
  const multi = property.type === "multi_select";
  if ((multi && operator === "contains") || (!multi && operator === "equals")) return hasAll;
  if ((multi && operator === "does_not_contain") || (!multi && operator === "does_not_equal")) return (page) => !hasAll(page);
  return fail(`${path}.${operator}`, multi ? "one of contains, does_not_contain, is_empty, is_not_empty" : "one of equals, does_not_equal, is_empty, is_not_empty", operand);
}

function numberCondition(property: SchemaProperty, raw: unknown, path: string): Predicate {
  const [operator, operand] = singleCondition(raw, path);
  const numberOf = (page: PageRecord) => {
    const value = page.values[property.id];
    return value?.type === "number" ? value.value : null;
  };
  const empty = emptinessCheck(operator, operand, path, (page) => numberOf(page) === null);
  if (empty) return empty;
  if (typeof operand !== "number") fail(`${path}.${operator}`, "a number", operand);
  const compare: Record<string, (n: number) => boolean> = {
    equals: (n) => n === operand,
    does_not_equal: (n) => n !== operand,
    greater_than: (n) => n > operand,
    less_than: (n) => n < operand,
    greater_than_or_equal_to: (n) => n >= operand,
    less_than_or_equal_to: (n) => n <= operand,
  };
  const test = compare[operator];
  if (!test) fail(`${path}.${operator}`, `one of ${Object.keys(compare).join(", ")}, is_empty, is_not_empty`, operand);
  return (page) => {
    const n = numberOf(page);
    return n === null ? operator === "does_not_equal" : test(n);
  };
}

function checkboxCondition(property: SchemaProperty, raw: unknown, path: string): Predicate {
  const [operator, operand] = singleCondition(raw, path);
  if (typeof operand !== "boolean") fail(`${path}.${operator}`, "a boolean", operand);
  const checked = (page: PageRecord) => {
    const value = page.values[property.id];
    return value?.type === "checkbox" && value.value;
  };
  if (operator === "equals") return (page) => checked(page) === operand;
  if (operator === "does_not_equal") return (page) => checked(page) !== operand;
  return fail(`${path}.${operator}`, "one of equals, does_not_equal", operand);
}

/** A date or date-time as the half-open range of instants it names: a whole UTC day, or one millisecond. */
function instantRange(value: unknown, path: string): [number, number] {
  const text = expectString(value, path, 100);
  const start = Date.parse(text);
  if (Number.isNaN(start)) fail(path, "a valid ISO 8601 date or date-time", value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? [start, start + DAY] : [start, start + 1];
}

const RELATIVE_RANGES: Record<string, (now: number) => [number, number]> = {
  past_week: (now) => [now - 7 * DAY, now],
  past_month: (now) => [now - 30 * DAY, now],
  past_year: (now) => [now - 365 * DAY, now],
  next_week: (now) => [now, now + 7 * DAY],
  next_month: (now) => [now, now + 30 * DAY],
  next_year: (now) => [now, now + 365 * DAY],
  this_week: (now) => {
    const dayStart = Math.floor(now / DAY) * DAY;
    const weekday = new Date(dayStart).getUTCDay();
    return [dayStart - weekday * DAY, dayStart + (7 - weekday) * DAY];
  },
};

function dateCondition(timeOfPage: (page: PageRecord) => number | null, raw: unknown, path: string, now: number): Predicate {
  const [operator, operand] = singleCondition(raw, path);
  const empty = emptinessCheck(operator, operand, path, (page) => timeOfPage(page) === null);
  if (empty) return empty;
  const relative = RELATIVE_RANGES[operator];
  if (relative) {
    const [lo, hi] = relative(now);
    return (page) => {
      const t = timeOfPage(page);
      return t !== null && t >= lo && t < hi;
    };
  }
  const [lo, hi] = instantRange(operand, `${path}.${operator}`);
  const tests: Record<string, (t: number) => boolean> = {
    equals: (t) => t >= lo && t < hi,
    before: (t) => t < lo,
    after: (t) => t >= hi,
    on_or_before: (t) => t < hi,
    on_or_after: (t) => t >= lo,
  };
  const test = tests[operator];
  if (!test) fail(`${path}.${operator}`, `one of ${[...Object.keys(tests), ...Object.keys(RELATIVE_RANGES)].join(", ")}, is_empty, is_not_empty`, operand);
  return (page) => {
    const t = timeOfPage(page);
    return t !== null && test(t);
  };
}

const TIMESTAMPS = ["created_time", "last_edited_time"] as const;

function propertyFilter(filter: Record<string, unknown>, schema: readonly SchemaProperty[], path: string, now: number): Predicate {
  const key = expectString(filter.property, `${path}.property`);
  const property = findProperty(schema, key);
  if (!property) throw validationError(`Could not find property with name or id: ${key}`);
  const typeKey = Object.keys(filter).find((k) => k !== "property" && k !== "type");
  const accepted = property.type === "created_time" || property.type === "last_edited_time" ? [property.type, "date"] : [property.type];
  if (!typeKey || !accepted.includes(typeKey)) {
    throw validationError(`${path}: filter for property "${key}" should use the key \`${property.type}\` (the property's type), instead was \`${typeKey ?? "undefined"}\`.`);
  }
  const condition = filter[typeKey];
  const conditionPath = `${path}.${typeKey}`;
  switch (property.type) {
    case "title":
    case "rich_text":
    case "url":
    case "email":
      return textCondition(property, condition, conditionPath);
    case "select":
    case "multi_select":
      return selectCondition(property, condition, conditionPath);
    case "number":
      return numberCondition(property, condition, conditionPath);
    case "checkbox":
      return checkboxCondition(property, condition, conditionPath);
    case "date":
    case "created_time":
    case "last_edited_time":
      return dateCondition((page) => timeOf(page, property), condition, conditionPath, now);
  }
}

/** Compound filters nest at most two levels deep, as in Notion: `{and: [{or: [leaf…]}, leaf…]}`. */
export function compileFilter(raw: unknown, schema: readonly SchemaProperty[], now: number, path = "body.filter", depth = 0): Predicate {
  const filter = expectObject(raw, path);
  for (const combinator of ["and", "or"] as const) {
    if (!(combinator in filter)) continue;
    if (depth >= 2) throw validationError(`${path}: compound filters can be nested at most two levels deep.`);
    const parts = expectArray(filter[combinator], `${path}.${combinator}`).map((item, index) =>
      compileFilter(item, schema, now, `${path}.${combinator}[${index}]`, depth + 1),
    );
    return combinator === "and" ? (page) => parts.every((p) => p(page)) : (page) => parts.some((p) => p(page));
  }
  if ("timestamp" in filter) {
    const timestamp = filter.timestamp;
    if (timestamp !== "created_time" && timestamp !== "last_edited_time") fail(`${path}.timestamp`, '`"created_time"` or `"last_edited_time"`', timestamp);
    const timeOfPage = (page: PageRecord) => minute(timestamp === "created_time" ? page.createdTime : page.lastEditedTime);
    return dateCondition(timeOfPage, filter[timestamp], `${path}.${timestamp}`, now);
  }
  return propertyFilter(filter, schema, path, now);
}

type SortKey = string | number | null;
type Comparator = (a: PageRecord, b: PageRecord) => number;

function sortKeyOf(property: SchemaProperty): (page: PageRecord) => SortKey {
  switch (property.type) {
    case "title":
    case "rich_text":
    case "url":
    case "email":
      return (page) => textOf(page, property) || null;
    case "number":
      return (page) => {
        const value = page.values[property.id];
        return value?.type === "number" ? value.value : null;
      };
    case "checkbox":
      return (page) => {
        const value = page.values[property.id];
        return value?.type === "checkbox" && value.value ? 1 : 0;
      };
    case "select":
    case "multi_select": {
      // Notion orders select values by the option order in the schema.
      return (page) => {
        const first = optionIdsOf(page, property)[0];
        const index = first ? (property.options?.findIndex((o) => o.id === first) ?? -1) : -1;
        return index < 0 ? null : index;
      };
    }
    case "date":
    case "created_time":
    case "last_edited_time":
      return (page) => timeOf(page, property);
  }
}

/** Empty values sort last in both directions; equal rows keep creation order. */
export function compileSorts(raw: unknown, schema: readonly SchemaProperty[], path = "body.sorts"): Comparator {
  const sorts = raw === undefined ? [] : expectArray(raw, path);
  const keys = sorts.map((item, index) => {
    const sortPath = `${path}[${index}]`;
    const sort = expectObject(item, sortPath);
    const direction = sort.direction ?? "ascending";
    if (direction !== "ascending" && direction !== "descending") fail(`${sortPath}.direction`, '`"ascending"` or `"descending"`', direction);
    const sign = direction === "ascending" ? 1 : -1;
    if (sort.timestamp !== undefined) {
      if (!TIMESTAMPS.includes(sort.timestamp as (typeof TIMESTAMPS)[number])) fail(`${sortPath}.timestamp`, '`"created_time"` or `"last_edited_time"`', sort.timestamp);
      const key = (page: PageRecord) => minute(sort.timestamp === "created_time" ? page.createdTime : page.lastEditedTime);
      return { key, sign };
    }
    if (!isObject(sort) || typeof sort.property !== "string") fail(`${sortPath}.property`, "a string", sort.property);
    const property = findProperty(schema, sort.property);
    if (!property) throw validationError(`Could not find sort property with name or id: ${sort.property}`);
    return { key: sortKeyOf(property), sign };
  });
  return (a, b) => {
    for (const { key, sign } of keys) {
      const [x, y] = [key(a), key(b)];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.seq - b.seq;
  };
}

export interface RowQuery {
  filter?: unknown;
  sorts?: unknown;
  now: number;
  /** Return only rows in the trash instead of only rows outside it. */
  inTrash: boolean;
}

export function queryRows(rows: readonly PageRecord[], schema: readonly SchemaProperty[], query: RowQuery): PageRecord[] {
  const matches = query.filter === undefined ? () => true : compileFilter(query.filter, schema, query.now);
  const compare = compileSorts(query.sorts, schema);
  const result = rows.filter((row) => row.inTrash === query.inTrash && matches(row));
  // Without sorts rows are already in creation order.
  return query.sorts === undefined || (Array.isArray(query.sorts) && query.sorts.length === 0) ? result : result.sort(compare);
}
