import { expect, it } from "vitest";
import { describeToken } from "./describe";

const base = {
  id: "t1",
  name: "Raycast",
  prefix: "shelf_AbCd",
  workspaceId: null,
  workspaceName: null,
  permission: "write" as const,
  createdAt: "2026-11-01T10:00:00.000Z",
  expiresAt: null,
  revokedAt: null,
  lastUsedAt: null,
  lastUsedClient: null,
};
const now = new Date("2026-12-01T10:00:00.000Z");

it("puts a token in words: scope, permission, expiry and last use", () => {
  expect(describeToken(base, now)).toMatchObject({
    scope: "All your workspaces",
    permission: "Read and write",
    created: "Created Nov 1, 2026",
    expires: "Never expires",
    lastUsed: "Never used",
    inactive: null,
  });
  const used = describeToken(
    { ...base, workspaceId: "w", workspaceName: "Labs", permission: "read", expiresAt: "2026-12-31T00:00:00.000Z", lastUsedAt: "2026-12-01T09:55:00.000Z", lastUsedClient: "curl" },
    now,
  );
  expect(used).toMatchObject({ scope: "Only Labs", permission: "Read only", expires: "Expires Dec 31, 2026", lastUsed: "Last used 5 minutes ago from curl" });
  expect(describeToken({ ...base, expiresAt: "2026-11-30T00:00:00.000Z" }, now)).toMatchObject({ expires: "Expired Nov 30, 2026", inactive: "Expired" });
  expect(describeToken({ ...base, revokedAt: "2026-11-30T00:00:00.000Z" }, now).inactive).toBe("Revoked");
});
