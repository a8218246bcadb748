import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function ProductNotFound() {
  return <NotFoundPanel title="Este producto ya no está disponible" message="La tienda pudo haberlo retirado o cambiado de dirección. Busca algo parecido entre todas las tiendas de VITA." />;
}
