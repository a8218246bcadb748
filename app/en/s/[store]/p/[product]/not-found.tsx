import { NotFoundFor } from '@/components/ui/not-found-variants';

export default function NotFound() {
  return <NotFoundFor what="product" />;
}
