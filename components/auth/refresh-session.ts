let inFlight: Promise<boolean> | null = null;

/**
 * For client code whose request failed with UNAUTHORIZED (access tokens are short-lived): asks the server to
 * refresh the HttpOnly session cookies. True when the session was renewed and the request can be retried;
 * false when the user has to sign in again. Concurrent callers share one refresh.
 */
export function refreshSession(): Promise<boolean> {
  inFlight ??= fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin' })
    .then((res) => res.status === 204)
    .catch(() => false)
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}
