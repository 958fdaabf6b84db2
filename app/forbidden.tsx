import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-lg p-10 text-center">
      <p className="text-sm font-semibold text-rose-600">403</p>
      <h1 className="mt-2 text-2xl font-semibold">Administrators only</h1>
      <p className="mt-3 text-slate-600">Your account is a member account. Ask an administrator if you need access to this page.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-blue-700 hover:underline">
        Back to the app
      </Link>
    </main>
  );
}
