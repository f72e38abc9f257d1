/** Every /v1 endpoint the sandbox serves (OAuth lives in oauth.ts and authorize.ts). */
import { route, type Method, type Route } from "../router";
import { appendBlockChildren, deleteBlock, getBlock, listBlockChildren } from "./blocks";
import type { Capability } from "../types";
import type { ApiHandler, ApiRoute, LegacyPolicy } from "./context";
import { createDatabaseEndpoint, getDatabase, updateDatabase } from "./databases";
import { getDataSource, queryDataSource, updateDataSource } from "./data-sources";
import { createPageEndpoint, getPage, updatePage } from "./pages";
import { search } from "./search";
import { getSelf, getUser, listUsers } from "./users";

const api = (method: Method, path: string, handler: ApiHandler, legacy: LegacyPolicy, capability: Capability | null): Route<ApiRoute> =>
  route(method, path, { handler, legacy, capability });

export const API_ROUTES: readonly Route<ApiRoute>[] = [
  api("GET", "/v1/users/me", getSelf, "served", null),
  api("GET", "/v1/users", listUsers, "served", "read_user"),
  api("GET", "/v1/users/:user_id", getUser, "served", "read_user"),
  api("POST", "/v1/search", search, "unsupported", "read_content"),
  api("GET", "/v1/blocks/:block_id", getBlock, "served", "read_content"),
  api("GET", "/v1/blocks/:block_id/children", listBlockChildren, "served", "read_content"),
  api("PATCH", "/v1/blocks/:block_id/children", appendBlockChildren, "served", "insert_content"),
  api("DELETE", "/v1/blocks/:block_id", deleteBlock, "served", "update_content"),
  api("POST", "/v1/pages", createPageEndpoint, "unsupported", "insert_content"),
  api("GET", "/v1/pages/:page_id", getPage, "unsupported", "read_content"),
  api("PATCH", "/v1/pages/:page_id", updatePage, "unsupported", "update_content"),
  api("POST", "/v1/databases", createDatabaseEndpoint, "unsupported", "insert_content"),
  api("GET", "/v1/databases/:database_id", getDatabase, "unsupported", "read_content"),
  api("PATCH", "/v1/databases/:database_id", updateDatabase, "unsupported", "update_content"),
  api("GET", "/v1/data_sources/:data_source_id", getDataSource, "invalid_request_url", "read_content"),
  api("PATCH", "/v1/data_sources/:data_source_id", updateDataSource, "invalid_request_url", "update_content"),
  api("POST", "/v1/data_sources/:data_source_id/query", queryDataSource, "invalid_request_url", "read_content"),
];
