import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function StoreNotFound() {
  return <NotFoundPanel title="No encontramos esta tienda" message="Puede que haya cambiado de dirección o que ya no esté disponible. Busca lo que necesitas entre todas las tiendas de VITA." />;
}
