import type { Metadata } from "next";
import { connection } from "next/server";
import { QueryProvider } from "@/components/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "Confluence Connector",
  description: "Sync a Confluence Cloud site into a searchable, permission-aware store.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never at build time: every page needs this response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
