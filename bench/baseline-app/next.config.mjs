// The benchmark's ceiling (bench/load.ts): a bare Next.js app on the same framework version,
// built and served in the same run as Shelf. Its modules come from the repository's node_modules.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** @type {import('next').NextConfig} */
const config = {
  turbopack: { root: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..") },
};

export default config;
