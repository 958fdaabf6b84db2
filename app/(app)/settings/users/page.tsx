import { listUsers, requireAdmin } from "@/lib/auth";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { UsersTable } from "@/components/settings/users-table";

export default async function UsersPage() {
  const admin = await requireAdmin();
  const users = await listUsers();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">
          Administrators manage connectors; members search what Confluence lets them see. A disabled user is signed out at their next request and their API keys
          stop working; the last active administrator cannot be demoted, disabled or deleted.
        </p>
      </div>
      <UsersTable
        currentUserId={admin.id}
        users={users.map((u) => ({
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          createdAt: u.createdAt.toISOString(),
          disabledAt: u.disabledAt?.toISOString() ?? null,
          activeApiKeys: u.activeApiKeys,
        }))}
      />
      <CreateUserForm />
    </section>
  );
}
