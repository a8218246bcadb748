import { ProductEditorSkeleton } from '@/components/dashboard/product-editor-skeleton';

export default function Loading() {
  return <ProductEditorSkeleton />;
}
