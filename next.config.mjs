/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project (web, worker, simulator) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // forbidden() renders app/forbidden.tsx with a real 403 status for admin-only pages.
  experimental: { authInterrupts: true },
  // Server-only packages with native code or workers stay outside the bundle. The extraction
  // libraries (and tsx, which the extractor thread registers) run only in the worker, but the
  // sync engine's module graph reaches them, so they stay external rather than being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pino", "prom-client", "pg", "@prisma/adapter-pg", "tsx", "esbuild", "officeparser", "tesseract.js", "unpdf"],
};

export default nextConfig;
