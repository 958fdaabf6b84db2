"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/connectors", label: "Connectors", adminOnly: true },
  // Members see only what their linked Confluence account may view (lib/permissions).
  { href: "/records", label: "Records", adminOnly: false },
  { href: "/search", label: "Search", adminOnly: false },
  { href: "/settings", label: "Settings", adminOnly: false },
];

export function NavLinks({ role }: { role: "admin" | "member" }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex gap-1">
      {LINKS.filter((link) => role === "admin" || !link.adminOnly).map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-100 text-slate-900" : "text-slate-600 hover:text-slate-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
