import { hashSeed, hex, mulberry32, chance, pick, type Rng } from "../rand";
import type { Store } from "../store/store";
import type { Group, Space, SpacePermission, User } from "../store/types";
import { FIRST_NAMES, LAST_NAMES } from "./words";

/** Seeded users (the admin plus regular users, some hiding their email), groups and space grants. */
export interface PeopleOptions {
  adminEmail?: string;
  adminToken?: string;
}

export const SPACE_OPS: [string, string][] = [
  ["read", "space"],
  ["create", "page"],
  ["create", "blogpost"],
  ["create", "comment"],
  ["create", "attachment"],
];

export function grantSpace(store: Store, space: Space, principalType: SpacePermission["principalType"], principalId: string | null, ops = SPACE_OPS): void {
  for (const [operation, targetType] of ops) {
    space.permissions.push({ id: String(store.nextId()), principalType, principalId, operation, targetType });
  }
}

export function makeUsers(store: Store, rng: Rng, count: number, opts: PeopleOptions): User[] {
  const admin: User = {
    accountId: `5b10a2844c20165700ede21g`,
    displayName: "Site Admin",
    email: opts.adminEmail ?? "admin@example.com",
    emailVisible: true,
    apiToken: opts.adminToken ?? "sim-admin-token",
    isAdmin: true,
    timeZone: "UTC",
    accountType: "atlassian",
  };
  store.addUser(admin);
  const users: User[] = [admin];
  for (let i = 1; i <= count; i++) {
    const first = FIRST_NAMES[(i - 1) % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor((i - 1) / FIRST_NAMES.length + i) % LAST_NAMES.length];
    const u: User = {
      accountId: `557058:${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      displayName: `${first} ${last}`,
      email: `${first.toLowerCase()}.${last
        .toLowerCase()
        .normalize("NFD")
        .replace(/[^a-z]/g, "")}${i}@example.com`,
      emailVisible: i % 5 !== 0,
      apiToken: `sim-user-${i}-token`,
      isAdmin: false,
      timeZone: pick(rng, ["Europe/Berlin", "Europe/Paris", "Asia/Tokyo", "America/New_York", "UTC"]),
      accountType: "atlassian",
    };
    store.addUser(u);
    users.push(u);
  }
  return users;
}

export function makeGroups(store: Store, rng: Rng, users: User[]): Group[] {
  const names = ["confluence-users", "engineering", "marketing", "hr", "finance", "external-contractors"];
  const groups = names.map((name, i) => ({
    id: `${hex(mulberry32(hashSeed(store.seed, name)), 8)}-0000-4000-8000-${String(i).padStart(12, "0")}`,
    name,
    members: new Set<string>(),
  }));
  for (const u of users) {
    if (u.isAdmin) continue;
    const external = chance(rng, 0.1);
    if (external) groups[5].members.add(u.accountId);
    else groups[0].members.add(u.accountId);
    for (let g = 1; g <= 4; g++) if (chance(rng, 0.3)) groups[g].members.add(u.accountId);
  }
  const regular = users.filter((u) => !u.isAdmin);
  groups.forEach((g, i) => {
    for (let k = 0; g.members.size < 2 && k < regular.length; k++) g.members.add(regular[(i * 3 + k) % regular.length].accountId);
  });
  for (const g of groups) store.groups.set(g.id, g);
  return groups;
}
