import type { GetSelfResponse, GetUserResponse, ListUsersResponse, UserObjectResponse } from "@notionhq/client";
import { objectNotFound } from "../errors";
import { paginate } from "../pagination";
import { botUser, foreignBotUser, personUser } from "../responses";
import { expectId, expectPageSize } from "../validate";
import type { ApiContext } from "./context";

export function getSelf(ctx: ApiContext): GetSelfResponse {
  return botUser(ctx.store, ctx.bot);
}

/** Members of the bot's workspace, then the workspace's bots (other connections' without details). */
function workspaceUsers(ctx: ApiContext): UserObjectResponse[] {
  const { store, bot } = ctx;
  const people = (store.workspaces.get(bot.workspaceId)?.memberIds ?? []).flatMap((id) => {
    const person = store.people.get(id);
    return person ? [personUser(person)] : [];
  });
  const bots = [...store.bots.values()]
    .filter((b) => b.workspaceId === bot.workspaceId)
    .map((b) => (b.id === bot.id ? botUser(store, b) : foreignBotUser(store, b)));
  return [...people, ...bots];
}

export function listUsers(ctx: ApiContext): ListUsersResponse {
  const page = paginate(workspaceUsers(ctx), (u) => u.id, ctx.query.get("start_cursor") ?? undefined, expectPageSize(ctx.query.get("page_size") ?? undefined, "query.page_size"));
  return { object: "list", type: "user", user: {}, results: page.results, next_cursor: page.next_cursor, has_more: page.has_more };
}

export function getUser(ctx: ApiContext): GetUserResponse {
  const id = expectId(ctx.params.user_id, "path.user_id");
  const user = workspaceUsers(ctx).find((u) => u.id === id);
  if (!user) throw objectNotFound("user", id);
  return user;
}
