import { NotFoundPanel } from '@/components/ui/not-found-panel';

export default function CategoryNotFound() {
  return <NotFoundPanel title="Esta categoría no existe" message="Puede que el enlace esté mal escrito. Busca lo que necesitas o explora desde el inicio." />;
}
