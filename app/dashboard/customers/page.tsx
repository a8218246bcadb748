import { redirect } from 'next/navigation';
import { firstParam, pickStore } from '@/components/dashboard/load';
import { requireUser } from '@/server/auth/require-user';
import { api } from '@/server/trpc/server';

/** `/dashboard/customers`: the CRM of `?tienda=` or of the seller's first store. */
export default async function CustomersRedirect({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser('/dashboard/customers');
  const stores = await (await api()).store.mine();
  const store = pickStore(stores, firstParam((await searchParams).tienda));
  redirect(store ? `/dashboard/tiendas/${store.id}/clientes` : '/dashboard/tiendas/nueva');
}
