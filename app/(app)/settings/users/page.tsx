import { listUsers, requireAdmin } from "@/lib/auth";
import { CreateUserForm } from "@/components/settings/create-user-form";

export default async function UsersPage() {
  await requireAdmin();
  const users = await listUsers();
  return (
    <section className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">Administrators manage connectors; members search what Confluence lets them see.</p>
      </div>
      <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="px-4 py-2">{u.name}</td>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td>{u.createdAt.toLocaleDateString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm />
    </section>
  );
}
