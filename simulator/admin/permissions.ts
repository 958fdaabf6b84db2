import { HttpError } from "../http/errors";
import type { RouteDef } from "../http/router";
import type { RoleAssignment, User } from "../store/types";
import { obj } from "./content";

/**
 * Admin API for the permission features the connector mirrors: restriction read faults, group
 * renames, account status (deactivated, closed = "Former user") and space role assignments.
 */
const STATUSES = ["active", "inactive", "closed"] as const;
const HOLDERS = ["user", "group", "access_class"] as const;

function space(ctx: Parameters<RouteDef["handler"]>[0]) {
  const s = ctx.sim.store.spaces.get(Number(ctx.params.id));
  if (!s) throw new HttpError(404, "Space not found");
  return s;
}

export const adminPermissionRoutes: RouteDef[] = [
  {
    // {"dropFields": ["_links", "title"], "dropTopLevelFields": ["key"]}: those fields leave every v2 result until cleared.
    method: "PUT",
    pattern: "/__admin/faults/shapes",
    flavor: "admin",
    handler: (ctx) => {
      const names = (field: string): Set<string> => {
        const value = obj(ctx)[field] ?? [];
        if (!Array.isArray(value) || !value.every((f) => typeof f === "string")) throw new HttpError(400, `${field} must be a list of field names`);
        return new Set(value);
      };
      const faults = ctx.sim.shapeFaults;
      faults.dropFields = names("dropFields");
      faults.dropTopLevelFields = names("dropTopLevelFields");
      return { json: { dropFields: [...faults.dropFields], dropTopLevelFields: [...faults.dropTopLevelFields] } };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/faults/shapes",
    flavor: "admin",
    handler: (ctx) => {
      ctx.sim.shapeFaults.dropFields = new Set();
      ctx.sim.shapeFaults.dropTopLevelFields = new Set();
      return { json: { dropFields: [], dropTopLevelFields: [] } };
    },
  },
  {
    // {"100123": 404, "100200": 503}: those restriction reads fail with that status until cleared.
    method: "PUT",
    pattern: "/__admin/faults/restrictions",
    flavor: "admin",
    handler: (ctx) => {
      for (const [id, status] of Object.entries(obj(ctx))) {
        if (status === null || status === 0) ctx.sim.restrictionFaults.delete(id);
        else ctx.sim.restrictionFaults.set(id, Number(status));
      }
      return { json: Object.fromEntries(ctx.sim.restrictionFaults) };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/faults/restrictions",
    flavor: "admin",
    handler: (ctx) => {
      ctx.sim.restrictionFaults.clear();
      return { json: {} };
    },
  },
  {
    method: "PATCH",
    pattern: "/__admin/groups/{groupId}",
    flavor: "admin",
    handler: (ctx) => {
      const g = ctx.sim.store.groups.get(ctx.params.groupId);
      if (!g) throw new HttpError(404, "Group not found");
      const name = obj(ctx).name;
      if (typeof name !== "string" || !name) throw new HttpError(400, "name is required");
      if ([...ctx.sim.store.groups.values()].some((x) => x !== g && x.name === name)) throw new HttpError(409, "Group exists");
      g.name = name;
      ctx.sim.store.record({
        summary: "Group renamed",
        category: "Users and groups",
        objectName: name,
        objectType: "Group",
        authorId: ctx.sim.store.adminUser().accountId,
        description: g.id,
      });
      return { json: { id: g.id, name: g.name } };
    },
  },
  {
    method: "PUT",
    pattern: "/__admin/users/{accountId}/status",
    flavor: "admin",
    handler: (ctx) => {
      const u: User | undefined = ctx.sim.store.users.get(ctx.params.accountId);
      if (!u) throw new HttpError(404, "User not found");
      const status = obj(ctx).accountStatus as (typeof STATUSES)[number];
      if (!STATUSES.includes(status)) throw new HttpError(400, "accountStatus must be active, inactive or closed");
      u.accountStatus = status;
      return { json: { accountId: u.accountId, accountStatus: status } };
    },
  },
  {
    // {"principalType":"group","principalId":"<groupId>","roleId":"<role id>"}; access_class with ANONYMOUS_ACCESS for anonymous.
    method: "POST",
    pattern: "/__admin/spaces/{id}/role-assignments",
    flavor: "admin",
    handler: (ctx) => {
      const s = space(ctx);
      const b = obj(ctx);
      const a: RoleAssignment = {
        principalType: String(b.principalType ?? "").toLowerCase() as RoleAssignment["principalType"],
        principalId: String(b.principalId ?? ""),
        roleId: String(b.roleId ?? ""),
      };
      if (!HOLDERS.includes(a.principalType) || !a.principalId || !a.roleId)
        throw new HttpError(400, "principalType (user, group, access_class), principalId and roleId are required");
      s.roleAssignments = [...(s.roleAssignments ?? []), a];
      return { status: 201, json: { roleAssignments: s.roleAssignments } };
    },
  },
  {
    method: "DELETE",
    pattern: "/__admin/spaces/{id}/role-assignments",
    flavor: "admin",
    handler: (ctx) => {
      const s = space(ctx);
      const q = ctx.query;
      s.roleAssignments = (s.roleAssignments ?? []).filter(
        (a) => !(a.principalId === q.get("principalId") && (!q.get("roleId") || a.roleId === q.get("roleId"))),
      );
      return { json: { roleAssignments: s.roleAssignments } };
    },
  },
];
