import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, DecryptionError } from ".";

const key = () => crypto.randomBytes(32).toString("base64");

describe("createSecretBox", () => {
  const box = createSecretBox([key()]);

  it("round-trips and never repeats a ciphertext", () => {
    const a = box.encrypt("ntn_secret", "bot-1");
    const b = box.encrypt("ntn_secret", "bot-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("ntn_secret");
    expect(a.startsWith("v1.")).toBe(true);
    expect(box.decrypt(a, "bot-1")).toBe("ntn_secret");
    expect(box.decrypt(b, "bot-1")).toBe("ntn_secret");
  });

  it("refuses a value moved to another context", () => {
    expect(() => box.decrypt(box.encrypt("t", "bot-1"), "bot-2")).toThrow(DecryptionError);
  });

  it.each([
    ["a flipped ciphertext byte", (parts: string[]) => (parts[3] = flip(parts[3]!))],
    ["a flipped tag byte", (parts: string[]) => (parts[4] = flip(parts[4]!))],
    ["a flipped nonce byte", (parts: string[]) => (parts[2] = flip(parts[2]!))],
    ["an unknown version", (parts: string[]) => (parts[0] = "v9")],
    ["an unknown key id", (parts: string[]) => (parts[1] = "AAAAAAAA")],
    ["a missing part", (parts: string[]) => parts.pop()],
  ])("refuses %s", (_name, tamper) => {
    const parts = box.encrypt("secret", "ctx").split(".");
    tamper(parts);
    expect(() => box.decrypt(parts.join("."), "ctx")).toThrow(DecryptionError);
  });

  it("rotates: the new key encrypts, the previous key still decrypts", () => {
    const oldKey = key();
    const before = createSecretBox([oldKey]).encrypt("token", "ctx");
    const rotated = createSecretBox([key(), oldKey]);
    expect(rotated.decrypt(before, "ctx")).toBe("token");
    const after = rotated.encrypt("token", "ctx");
    expect(after.split(".")[1]).not.toBe(before.split(".")[1]);
    expect(() => createSecretBox([oldKey]).decrypt(after, "ctx")).toThrow(DecryptionError);
  });

  it("rejects keys that are not 32 bytes", () => {
    expect(() => createSecretBox([Buffer.alloc(16).toString("base64")])).toThrow(/32 bytes/);
  });
});

function flip(part: string): string {
  const bytes = Buffer.from(part, "base64url");
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString("base64url");
}
