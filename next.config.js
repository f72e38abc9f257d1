/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time;
  // bundling it breaks every query after an otherwise successful build.
  // lz4-napi loads a native addon for the platform, which a bundle can't hold.
  serverExternalPackages: ["@electric-sql/pglite", "lz4-napi"],
  poweredByHeader: false,
  experimental: {
    // Bookmark files up to 20 MB are uploaded through a server action (lib/imports); the proxy
    // buffers request bodies too, so both limits leave room for the form encoding around the file.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
};

module.exports = nextConfig;
