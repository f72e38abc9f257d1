/**
 * GET/POST /v1/oauth/authorize: walks a browser through the consent steps and ends with a
 * redirect to the client (code or access_denied). Invalid requests get an error page, never a
 * redirect, as Notion does.
 */
import { accessStep, errorPage, personStep, workspaceStep, type Choice, type OAuthParams } from "./consent-page";
import { AuthorizeError, approve, denialRedirect, validateAuthorize } from "./oauth";
import { pageTitle } from "./responses";
import { plainText } from "./rich-text";
import type { SandboxStore } from "./store";
import type { Person, Workspace } from "./types";

export type AuthorizeOutcome = { status: number; html: string } | { redirect: string };

const personChoice = (person: Person): Choice => ({ id: person.id, label: person.name, hint: person.email });
const workspaceChoice = (workspace: Workspace): Choice => ({ id: workspace.id, label: workspace.name });

/** Pages and databases a person could pick, in tree order (rows of databases are not listed). */
function pickablePages(store: SandboxStore, workspaceId: string): Array<Choice & { depth: number }> {
  const result: Array<Choice & { depth: number }> = [];
  const visit = (id: string, depth: number) => {
    const page = store.pages.get(id);
    const database = store.databases.get(id);
    if (page && !page.inTrash) {
      result.push({ id, label: `${page.icon?.type === "emoji" ? `${page.icon.emoji} ` : ""}${pageTitle(store, page) || "Untitled"}`, depth });
      for (const childId of page.childIds) visit(childId, depth + 1);
    } else if (database && !database.inTrash) {
      result.push({ id, label: plainText(database.title) || "Untitled", hint: "Database", depth });
    }
  };
  const roots = [...store.pages.values(), ...store.databases.values()]
    .filter((r) => r.workspaceId === workspaceId && r.parent.type === "workspace")
    .sort((a, b) => a.seq - b.seq);
  for (const root of roots) visit(root.id, 0);
  return result;
}

function oauthParams(input: URLSearchParams): OAuthParams {
  const get = (name: string) => input.get(name) ?? "";
  return { client_id: get("client_id"), redirect_uri: get("redirect_uri"), response_type: get("response_type"), owner: get("owner"), state: get("state") };
}

export function handleAuthorize(store: SandboxStore, method: string, input: URLSearchParams, now: number): AuthorizeOutcome {
  const params = oauthParams(input);
  try {
    const authorize = validateAuthorize(store, { ...params, state: input.has("state") ? params.state : null }, { strict: true });
    if (method === "POST" && input.get("decision") === "cancel") return { redirect: denialRedirect(authorize) };
    const appName = authorize.client.name;
    const person = store.people.get(input.get("person_id") ?? "");
    if (!person) return { status: 200, html: personStep(appName, params, [...store.people.values()].map(personChoice)) };
    const workspace = store.workspaces.get(input.get("workspace_id") ?? "");
    if (!workspace || !workspace.memberIds.includes(person.id)) {
      const workspaces = [...store.workspaces.values()].filter((w) => w.memberIds.includes(person.id));
      return { status: 200, html: workspaceStep(appName, params, personChoice(person), workspaces.map(workspaceChoice)) };
    }
    if (method === "POST" && input.get("decision") === "allow") {
      const template = input.get("access") !== "pages";
      const redirect = approve(
        store,
        { ...params, state: authorize.state, person_id: person.id, workspace_id: workspace.id, template, page_ids: template ? [] : input.getAll("page_ids") },
        now,
      );
      return { redirect };
    }
    return {
      status: 200,
      html: accessStep({
        appName,
        params,
        person: personChoice(person),
        workspace: workspaceChoice(workspace),
        hasTemplate: authorize.client.templatePageId !== null,
        pages: pickablePages(store, workspace.id),
      }),
    };
  } catch (error) {
    if (error instanceof AuthorizeError) return { status: 400, html: errorPage(error.message) };
    throw error;
  }
}
