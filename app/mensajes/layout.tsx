import type { ReactNode } from 'react';
import { BuyerShell } from '@/components/cart/buyer-shell';

export default function Layout({ children }: { children: ReactNode }) {
  return <BuyerShell>{children}</BuyerShell>;
}
