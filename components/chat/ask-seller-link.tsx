import Link from 'next/link';
import { ChatIcon } from '@/components/dashboard/icons';

/**
 * "Preguntar al vendedor": a plain link (no client JS), so cached store/product pages stay static. The page it opens
 * asks for sign-in when needed and keeps the product/order as the conversation's context.
 */
export function AskSellerLink({ storeId, productId, orderId, className, label = 'Preguntar al vendedor' }: { storeId: string; productId?: string; orderId?: string; className?: string; label?: string }) {
  const q = new URLSearchParams({ tienda: storeId });
  if (productId) q.set('producto', productId);
  if (orderId) q.set('pedido', orderId);
  return (
    <Link
      href={`/mensajes/nuevo?${q.toString()}`}
      prefetch={false}
      className={className ?? 'inline-flex min-h-11 items-center justify-center gap-2 rounded-full px-4 text-sm font-semibold text-violet-700 ring-1 ring-violet-200 hover:bg-violet-50'}
      data-testid="ask-seller"
    >
      <ChatIcon className="size-5" /> {label}
    </Link>
  );
}
