// Audience rules (docs/decisions/014): groups of app users, and per connector who of this app may
// see a space or the whole connector, instead of mirroring Confluence's permissions.
export { listGroups, createGroup, renameGroup, deleteGroup, addGroupMember, removeGroupMember } from "./groups";
export { readConnectorAccess, saveConnectorAccess, forgetPersonInRules } from "./rules";
export * from "./schemas";
