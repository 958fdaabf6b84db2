/**
 * The site's space roles (Confluence Cloud's role-based space permissions): a grant to a role
 * applies to whoever holds that role in the space. Ids look like Atlassian's (UUIDs).
 */
export interface SpaceRole {
  id: string;
  type: "SYSTEM" | "CUSTOM";
  displayName: string;
  description: string;
  spacePermissions: string[];
}

export const SPACE_ROLES: SpaceRole[] = [
  {
    id: "7f4e6c2a-0d4b-4a51-9f7a-000000000001",
    type: "SYSTEM",
    displayName: "Viewer",
    description: "Can view content in the space",
    spacePermissions: ["read/space"],
  },
  {
    id: "7f4e6c2a-0d4b-4a51-9f7a-000000000002",
    type: "SYSTEM",
    displayName: "Editor",
    description: "Can view and edit content",
    spacePermissions: ["read/space", "create/page", "create/blogpost", "create/comment", "create/attachment"],
  },
  {
    id: "7f4e6c2a-0d4b-4a51-9f7a-000000000003",
    type: "SYSTEM",
    displayName: "Admin",
    description: "Can administer the space",
    spacePermissions: ["read/space", "administer/space"],
  },
];

export const VIEWER_ROLE_ID = SPACE_ROLES[0].id;
