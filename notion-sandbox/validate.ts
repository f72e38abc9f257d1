/**
 * Small checks for request bodies that fail with Notion's validation_error wording, e.g.
 * "body failed validation: body.page_size should be ≤ `100`, instead was `101`.".
 * `path` is the dotted location ("body.properties.Name.title[0]").
 */
import { validationError } from "./errors";

export const MAX_TEXT_LENGTH = 2000;
export const MAX_ARRAY_LENGTH = 100;

type JsonObject = Record<string, unknown>;

function describe(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

export function fail(path: string, expectation: string, value: unknown): never {
  const section = path.split(/[.[]/)[0];
  throw validationError(`${section} failed validation: ${path} should be ${expectation}, instead was \`${describe(value)}\`.`);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): JsonObject {
  if (!isObject(value)) fail(path, "an object", value);
  return value;
}

export function expectString(value: unknown, path: string, maxLength = MAX_TEXT_LENGTH): string {
  if (typeof value !== "string") fail(path, "a string", value);
  if (value.length > maxLength) fail(`${path}.length`, `≤ \`${maxLength}\``, value.length);
  return value;
}

export function expectArray(value: unknown, path: string, maxLength = MAX_ARRAY_LENGTH): unknown[] {
  if (!Array.isArray(value)) fail(path, "an array", value);
  if (value.length > maxLength) fail(`${path}.length`, `≤ \`${maxLength}\``, value.length);
  return value;
}

export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") fail(path, "a boolean", value);
  return value;
}

export function optional<T>(value: unknown, check: (v: unknown) => T): T | undefined {
  return value === undefined ? undefined : check(value);
}

const UUID_PATTERN = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Notion accepts ids with or without dashes; the sandbox stores them dashed and lowercase. */
export function expectId(value: unknown, path: string): string {
  if (typeof value !== "string" || !UUID_PATTERN.test(value)) fail(path, "a valid uuid", value);
  const hex = value.replace(/-/g, "").toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `page_size` from a body (number) or a query string (text). */
export function expectPageSize(value: unknown, path: string): number {
  if (value === undefined) return MAX_ARRAY_LENGTH;
  const size = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof size !== "number" || !Number.isInteger(size)) fail(path, "an integer", value);
  if (size < 1) fail(path, "≥ `1`", size);
  if (size > MAX_ARRAY_LENGTH) fail(path, `≤ \`${MAX_ARRAY_LENGTH}\``, size);
  return size;
}
