import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/action-guard";
import { PROXY_SKIPPED_PATHS, staticSecurityHeaders } from "./lib/security/headers";

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time;
  // bundling it breaks every query after an otherwise successful build.
  // lz4-napi loads a native addon for the platform, which a bundle can't hold.
  serverExternalPackages: ["@electric-sql/pglite", "lz4-napi"],
  poweredByHeader: false,
  experimental: {
    // Bookmark files up to 20 MB are uploaded through a server action (lib/imports); the proxy
    // buffers request bodies too, so both limits leave room for the form encoding around the file.
    // proxy.ts answers a larger declared body with the upload's own message first.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: ACTION_BODY_LIMIT_BYTES,
  },
  // proxy.ts sets the security headers of everything it sees; these are the paths it skips.
  async headers() {
    const headers = staticSecurityHeaders({ production: process.env.NODE_ENV === "production" });
    return PROXY_SKIPPED_PATHS.map((source) => ({ source, headers }));
  },
};

export default nextConfig;
