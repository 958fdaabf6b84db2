import { randomUUID } from "node:crypto";
import { db } from "../db";
import { AppError } from "../errors";
import type { OAuthAppInput } from "./input-schemas";
import { sealField } from "./secrets";

export interface OAuthAppView {
  id: string;
  name: string;
  clientId: string;
  connectorCount: number;
  createdAt: string;
}

export async function listOAuthApps(): Promise<OAuthAppView[]> {
  const rows = await db().oAuthApp.findMany({ orderBy: { createdAt: "asc" }, include: { _count: { select: { connectors: true } } } });
  return rows.map((r) => ({ id: r.id, name: r.name, clientId: r.clientId, connectorCount: r._count.connectors, createdAt: r.createdAt.toISOString() }));
}

export async function createOAuthApp(input: OAuthAppInput): Promise<OAuthAppView> {
  const id = randomUUID();
  try {
    const row = await db().oAuthApp.create({
      data: { id, name: input.name, clientId: input.clientId, clientSecret: sealField("oauthAppClientSecret", id, input.clientSecret) },
    });
    return { id: row.id, name: row.name, clientId: row.clientId, connectorCount: 0, createdAt: row.createdAt.toISOString() };
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") {
      throw AppError.validation([{ loc: ["body", "clientId"], msg: "An OAuth app with this Client ID is already registered.", type: "duplicate" }]);
    }
    throw err;
  }
}

export async function deleteOAuthApp(id: string): Promise<void> {
  const app = await db().oAuthApp.findUnique({ where: { id }, include: { _count: { select: { connectors: true } } } });
  if (!app) throw new AppError("NOT_FOUND", "No OAuth app with that id.");
  if (app._count.connectors > 0) {
    throw new AppError("CONFLICT", `This app is used by ${app._count.connectors} connector(s); change or delete them first.`);
  }
  await db().oAuthApp.delete({ where: { id } });
}
