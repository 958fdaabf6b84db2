import { AppError } from "../errors";
import { findUserByApiKey } from "./api-keys";
import { currentUser } from "./current-user";
import type { UserSummary } from "./users";

export type AuthMethod = "session" | "api_key";

export interface RequestActor {
  user: UserSummary;
  method: AuthMethod;
}

/**
 * Authenticates an API request by `Authorization: Bearer <personal API key>` or by the
 * session cookie. Throws UNAUTHENTICATED when neither is valid.
 */
export async function authenticateRequest(request: Request): Promise<RequestActor> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const user = match ? await findUserByApiKey(match[1]!) : null;
    if (!user) throw new AppError("UNAUTHENTICATED", "The API key is not valid or has been revoked.");
    return { user, method: "api_key" };
  }
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in, or send a personal API key as a Bearer token.");
  return { user, method: "session" };
}

export function assertAdmin(actor: RequestActor): void {
  if (actor.user.role !== "admin") throw new AppError("FORBIDDEN", "Only administrators can do this.");
}
