import { expect, it } from "vitest";
import { describeAuditEvent } from "./describe";

const event = (kind: Parameters<typeof describeAuditEvent>[0]["kind"], detail: Record<string, string | number> | null = null, workspaceName: string | null = null) =>
  describeAuditEvent({ kind, detail, workspaceName });

it("puts each event in words, naming the workspace as it was then", () => {
  expect(event("sign_in", { workspace: "Acme" })).toBe("Signed in");
  expect(event("workspace_connected", { workspace: "Acme" }, "Acme Renamed")).toBe("Connected Acme");
  expect(event("workspace_reconnected", null, "Acme")).toBe("Reconnected Acme");
  expect(event("workspace_disconnected", null, null)).toBe("Disconnected an untitled workspace");
  expect(event("token_refresh_failed", { workspace: "Acme" })).toBe("Notion stopped accepting Shelf's access to Acme");
  expect(event("signed_out_everywhere")).toBe("Signed out everywhere");
  expect(event("import_started", { fileName: "bookmarks.html", total: 120 })).toBe("Started importing bookmarks.html (120 bookmarks)");
  expect(event("import_started", { fileName: "one.csv", total: 1 })).toBe("Started importing one.csv (1 bookmark)");
  expect(event("import_started")).toBe("Started importing a file");
  expect(event("api_token_created", { token: "Raycast" })).toBe("Created the API token “Raycast”");
  expect(event("api_token_new_client", { token: "Raycast" })).toBe("The API token “Raycast” was used from a new client");
  expect(event("api_token_revoked", { token: "Raycast" })).toBe("Revoked the API token “Raycast”");
});
