/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time;
  // bundling it breaks every query after an otherwise successful build.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
};

module.exports = nextConfig;
