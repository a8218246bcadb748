import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { assertSameOrigin } from '@/server/http/csrf';
import { createContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

async function handler(req: Request) {
  const rejected = assertSameOrigin(req);
  if (rejected) return rejected;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => createContext(req.headers),
  });
}

export { handler as GET, handler as POST };
