import type { OauthTokenResponse } from "@notionhq/client";
import { sealToken } from "@/lib/notion/tokens";
import type { Connection } from "@/lib/workspaces/connect";

/** The workspace part of Notion's token answer, tokens sealed for storage. */
export function connectionFromTokens(tokens: OauthTokenResponse): Connection {
  return {
    botId: tokens.bot_id,
    notionWorkspaceId: tokens.workspace_id,
    name: tokens.workspace_name,
    icon: tokens.workspace_icon,
    duplicatedTemplateId: tokens.duplicated_template_id,
    accessToken: sealToken(tokens.access_token, tokens.bot_id, "access"),
    refreshToken: tokens.refresh_token ? sealToken(tokens.refresh_token, tokens.bot_id, "refresh") : null,
  };
}
