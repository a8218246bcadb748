import type { PostConfirmationTriggerEvent, PostConfirmationTriggerHandler } from 'aws-lambda';
import postgres from 'postgres';

/**
 * Keep in sync with `users` in server/db/schema/identity.ts (id = Cognito sub, email not null,
 * display_name nullable; locale, plan_code and created_at take their column defaults).
 * Idempotent: Cognito retries triggers, and the app also creates the row on first sight.
 */
export const UPSERT_USER_SQL =
  'insert into users (id, email, display_name) values ($1, $2, $3) ' +
  'on conflict (id) do update set email = excluded.email, ' +
  'display_name = coalesce(users.display_name, excluded.display_name)';

export type UserUpsert = { text: string; params: [id: string, email: string, displayName: string | null] };

/** Pure: turns the trigger's user attributes into the upsert, or null when there is nothing to write. */
export function buildUserUpsert(attributes: Record<string, string | undefined>): UserUpsert | null {
  const id = attributes.sub?.trim();
  // Stored as Cognito holds it (as in the JWT's email claim), so this and the app's own upsert agree.
  const email = attributes.email?.trim();
  if (!id || !email) return null;
  const name = attributes.name?.trim() || [attributes.given_name, attributes.family_name].filter(Boolean).join(' ').trim();
  return { text: UPSERT_USER_SQL, params: [id, email, name || null] };
}

const CONNECT_TIMEOUT_S = 3;
const DEADLINE_MS = 4_000;

let client: postgres.Sql | undefined;

function lambdaDb(): postgres.Sql {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    // One connection per Lambda instance, reused across warm invocations; `?sslmode=require` in the URL turns on TLS.
    client = postgres(url, { max: 1, connect_timeout: CONNECT_TIMEOUT_S, idle_timeout: 60, onnotice: () => {} });
  }
  return client;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`profile upsert exceeded ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Builds the trigger around a connection source (the Lambda's lazy singleton, or a test database).
 * A failure is logged and swallowed: the user is already confirmed when this runs, an error would only
 * surface as a failed sign-up screen, and the app upserts the same row on first sight anyway.
 */
export function createPostConfirmationHandler(
  db: () => postgres.Sql,
  deadlineMs = DEADLINE_MS,
): PostConfirmationTriggerHandler {
  return async (event: PostConfirmationTriggerEvent) => {
    // The trigger also fires after a forgotten-password reset; the profile exists by then.
    if (event.triggerSource !== 'PostConfirmation_ConfirmSignUp') return event;
    const upsert = buildUserUpsert(event.request.userAttributes);
    if (!upsert) {
      console.warn(JSON.stringify({ msg: 'post-confirmation: missing sub or email', userName: event.userName }));
      return event;
    }
    try {
      await withDeadline(Promise.resolve().then(() => db().unsafe(upsert.text, upsert.params)), deadlineMs);
    } catch (error) {
      console.error(
        JSON.stringify({ msg: 'post-confirmation: profile upsert failed', sub: upsert.params[0], error: String(error) }),
      );
    }
    return event;
  };
}

export const handler = createPostConfirmationHandler(lambdaDb);
