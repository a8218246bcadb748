'use client';

import '@aws-amplify/ui-react/styles.css';
import './authenticator.css';
import { Authenticator, ThemeProvider, translations, type Theme } from '@aws-amplify/ui-react';
import { Amplify } from 'aws-amplify';
import {
  fetchAuthSession,
  resendSignUpCode,
  signIn,
  signUp,
  type ResendSignUpCodeInput,
  type SignInInput,
  type SignUpInput,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { I18n } from 'aws-amplify/utils';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { isBroadcastPage, isLivePage } from '@/server/http/security-headers';
import { createMemoryTokenStorage } from './memory-token-storage';
import { VITA_EN, VITA_ES } from './vocabulary';

/** What the sign-in page (a server component) reads from the environment and hands to the browser. */
export type AuthClientConfig = {
  userPoolId: string;
  userPoolClientId: string;
  /** Set only against the cognito-local emulator. */
  userPoolEndpoint?: string;
};

let configuredFor: string | undefined;

function configureAmplify(config: AuthClientConfig) {
  const key = JSON.stringify(config);
  if (configuredFor === key) return;
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: config.userPoolId,
        userPoolClientId: config.userPoolClientId,
        ...(config.userPoolEndpoint ? { userPoolEndpoint: config.userPoolEndpoint } : {}),
        loginWith: { email: true },
        signUpVerificationMethod: 'code',
      },
    },
  });
  cognitoUserPoolsTokenProvider.setKeyValueStorage(createMemoryTokenStorage());
  I18n.putVocabularies(translations);
  I18n.putVocabularies({ es: VITA_ES, en: VITA_EN });
  configuredFor = key;
}

/**
 * The emulator speaks USER_PASSWORD_AUTH only (no SRP), so sign-in and the auto sign-in after confirmation ask
 * for it. It also lacks ResendConfirmationCode (the pending code stays in the dev mailbox, so "resend" just
 * points there) and never marks the email verified on confirmation the way the real pool
 * (AutoVerifiedAttributes) does, which would add a "verify contact" step the cloud never shows.
 */
const localServices = {
  handleSignIn: ((input: SignInInput) =>
    signIn({ ...input, options: { ...input.options, authFlowType: 'USER_PASSWORD_AUTH' } })) as typeof signIn,
  handleSignUp: ((input: SignUpInput) =>
    signUp({
      ...input,
      options: {
        ...input.options,
        userAttributes: { ...input.options?.userAttributes, email_verified: 'true' },
        autoSignIn: { authFlowType: 'USER_PASSWORD_AUTH' },
      },
    })) as typeof signUp,
  handleResendSignUpCode: (async (input: ResendSignUpCodeInput) => ({
    destination: input.username,
    deliveryMedium: 'EMAIL',
    attributeName: 'email',
  })) as typeof resendSignUpCode,
};

const brand = (value: string) => ({ value });

/** VITA's violet scale (Tailwind violet), brand #7c3aed at 80. */
const violet = {
  10: brand('#f5f3ff'),
  20: brand('#ede9fe'),
  40: brand('#c4b5fd'),
  60: brand('#8b5cf6'),
  80: brand('#7c3aed'),
  90: brand('#6d28d9'),
  100: brand('#5b21b6'),
};

const vitaTheme: Theme = {
  name: 'vita',
  tokens: {
    // Components read `primary`; `brand.primary` is what custom components are told to use.
    colors: { primary: violet, brand: { primary: violet } },
    fonts: { default: { variable: { value: 'inherit' }, static: { value: 'inherit' } } },
    radii: { small: { value: '0.5rem' }, medium: { value: '0.75rem' }, large: { value: '1rem' } },
    components: {
      authenticator: {
        container: { widthMax: { value: '100%' } }, // see authenticator.css
        router: { borderWidth: { value: '0' }, boxShadow: { value: 'none' } },
        form: { padding: { value: '1.5rem 1.25rem 1.75rem' } },
      },
      button: { borderRadius: { value: '0.75rem' }, paddingBlockStart: { value: '0.75rem' }, paddingBlockEnd: { value: '0.75rem' } },
      fieldcontrol: { borderRadius: { value: '0.75rem' }, paddingBlockStart: { value: '0.7rem' }, paddingBlockEnd: { value: '0.7rem' } },
      tabs: { item: { paddingVertical: { value: '0.9rem' } } },
      heading: { 3: { fontSize: { value: '1.375rem' } } },
    },
  },
};

function formFields(t: ReturnType<typeof useTranslations<'auth.fields'>>) {
  const email = { label: t('email'), placeholder: t('emailPlaceholder'), autocomplete: 'email' };
  const code = { label: t('code'), placeholder: t('codePlaceholder'), autocomplete: 'one-time-code' };
  const confirm = { label: t('confirmPassword'), placeholder: t('confirmPasswordPlaceholder'), autocomplete: 'new-password' };
  return {
    signIn: {
      username: { ...email, isRequired: true },
      password: { label: t('password'), placeholder: t('passwordPlaceholder'), autocomplete: 'current-password' },
    },
    signUp: {
      email: { ...email, order: 1, isRequired: true },
      password: { label: t('password'), placeholder: t('newPasswordPlaceholder'), autocomplete: 'new-password', order: 2 },
      confirm_password: { ...confirm, order: 3 },
    },
    forgotPassword: { username: email },
    confirmResetPassword: {
      confirmation_code: code,
      password: { label: t('newPassword'), placeholder: t('newPasswordPlaceholder'), autocomplete: 'new-password' },
      confirm_password: confirm,
    },
    confirmSignUp: { confirmation_code: code },
  };
}

/**
 * Rendered by the Authenticator once Amplify holds tokens: hands them to the server, which verifies them and
 * sets the HttpOnly session cookies, then drops them from memory and moves on.
 */
function SessionHandoff({ next }: { next: string }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const started = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      try {
        const { tokens } = await fetchAuthSession();
        const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
        if (!tokens?.accessToken || !tokens.idToken || !stored?.refreshToken) throw new Error('missing tokens');
        const res = await fetch('/api/auth/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify({
            accessToken: tokens.accessToken.toString(),
            idToken: tokens.idToken.toString(),
            refreshToken: stored.refreshToken,
          }),
        });
        if (!res.ok) throw new Error(`session ${res.status}`);
        await cognitoUserPoolsTokenProvider.authTokenStore.clearTokens();
        // Live pages need their own CSP / Permissions-Policy, which only a document load brings (see
        // components/security/own-document-headers.tsx): go there with a full navigation, not a client one.
        const path = new URL(next, window.location.origin).pathname;
        if (isLivePage(path) || isBroadcastPage(path)) {
          window.location.replace(next);
          return;
        }
        router.replace(next);
        router.refresh();
      } catch {
        started.current = false;
        setError(t('sessionError'));
      }
    })();
  }, [next, router, attempt, t]);

  return (
    <div className="px-5 py-8 text-center" aria-live="polite">
      {error ? (
        <>
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
          <button
            type="button"
            onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
            className="mt-4 rounded-xl bg-brand px-4 py-2.5 text-sm font-semibold text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
          >
            {t('retry')}
          </button>
        </>
      ) : (
        <p className="text-sm text-zinc-600">{t('entering')}</p>
      )}
    </div>
  );
}

export function VitaAuthenticator({
  config,
  next,
  initialState = 'signIn',
}: {
  config: AuthClientConfig;
  next: string;
  initialState?: 'signIn' | 'signUp';
}) {
  configureAmplify(config);
  // Amplify's strings (tabs, buttons, its error messages) in the page's language.
  const locale = useLocale();
  I18n.setLanguage(locale);
  const t = useTranslations('auth.fields');
  const fields = useMemo(() => formFields(t), [t]);
  const local = Boolean(config.userPoolEndpoint);
  return (
    <ThemeProvider theme={vitaTheme}>
      <Authenticator
        initialState={initialState}
        loginMechanisms={['email']}
        formFields={fields}
        services={local ? localServices : undefined}
      >
        {() => <SessionHandoff next={next} />}
      </Authenticator>
    </ThemeProvider>
  );
}
