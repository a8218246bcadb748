/**
 * A local DIDIT: the documented contract (INTEGRATIONS.md §1) on 127.0.0.1, so identity verification runs end to end
 * with no account and no network, through the same adapter as production (server/adapters/kyc/didit.ts).
 *
 * - POST /v3/session/ (x-api-key): workflow_id required (one KYC and one KYB workflow), vendor_data, callback,
 *   metadata, language. 201 with session_id, session_number, session_token, url, status "Not Started", …; an
 *   unfinished session with the same vendor_data and workflow is answered again (DIDIT's idempotency).
 * - GET /v3/session/{id}/decision/ (x-api-key): the decision document (status, id_verifications[], …).
 * - GET /session/{token}: the hosted flow (Spanish, mobile). Opening it moves the session to "In Progress"; the
 *   person can approve, decline, send to review or abandon, with their (accented) names. Each change sends a signed
 *   webhook (X-Signature over the raw bytes, X-Signature-V2 over the canonical JSON, X-Signature-Simple,
 *   X-Timestamp) to the configured webhook URL, then the browser goes to `callback?verificationSessionId=…&status=…`.
 * - /sandbox: sessions and webhook deliveries; /sandbox/api/…: the controls tests use (any status incl. Kyc Expired,
 *   Resubmitted, Awaiting User; resend the last webhook).
 * State is one JSON file replaced atomically, so sessions survive restarts.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { jsonStatePersister, loadJsonState } from './json-state';
import { hmacHex, signRaw, signV2 } from '../../server/adapters/kyc/didit-signing';

export const DIDIT_SANDBOX_STATUSES = [
  'Not Started',
  'In Progress',
  'Approved',
  'Declined',
  'In Review',
  'Awaiting User',
  'Resubmitted',
  'Expired',
  'Abandoned',
  'Kyc Expired',
] as const;
export type SandboxStatus = (typeof DIDIT_SANDBOX_STATUSES)[number];

export type DiditSandboxSecrets = { apiKey: string; webhookSecret: string; workflowKyc: string; workflowKyb: string };

export function newDiditSandboxSecrets(): DiditSandboxSecrets {
  return {
    apiKey: crypto.randomBytes(24).toString('base64url'),
    webhookSecret: crypto.randomBytes(32).toString('base64url'),
    workflowKyc: crypto.randomUUID(),
    workflowKyb: crypto.randomUUID(),
  };
}

export type DiditSandboxOptions = {
  /** 0 = any free port. */
  port: number;
  host?: string;
  stateFile: string;
  secrets: DiditSandboxSecrets;
  /** Where webhooks go (the app's /api/webhooks/didit); a function so tests can point it later. */
  webhookUrl: string | (() => string | undefined);
  webhookTimeoutMs?: number;
  log?: (line: string) => void;
  clock?: () => number;
};

export type SandboxDelivery = { at: number; status: string; url: string; httpStatus: number | null; answer: string; ms: number };

export type SandboxSession = {
  session_id: string;
  session_number: number;
  session_token: string;
  workflow_id: string;
  kind: 'user' | 'business';
  vendor_data: string | null;
  metadata: Record<string, unknown> | null;
  callback: string | null;
  language: string;
  status: SandboxStatus;
  created_at: number;
  person: { first_name: string; last_name: string; document_number: string; business_name?: string } | null;
  last_webhook: { raw: string; headers: Record<string, string> } | null;
  deliveries: SandboxDelivery[];
};

type State = { version: 1; counter: number; sessions: Record<string, SandboxSession> };

export type DiditSandbox = {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** Direct access for tests: move a session to a status and send its webhook. */
  setStatus: (sessionId: string, status: SandboxStatus) => Promise<SandboxDelivery | null>;
  session: (sessionId: string) => SandboxSession | undefined;
};

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUS_ES: Record<SandboxStatus, string> = {
  'Not Started': 'Sin empezar',
  'In Progress': 'En curso',
  Approved: 'Aprobada',
  Declined: 'Rechazada',
  'In Review': 'En revisión',
  'Awaiting User': 'Esperando a las personas',
  Resubmitted: 'Reenviada',
  Expired: 'Vencida',
  Abandoned: 'Abandonada',
  'Kyc Expired': 'Verificación vencida',
};
/** Statuses the hosted page may still act on. */
const OPEN = new Set<SandboxStatus>(['Not Started', 'In Progress', 'Resubmitted']);

export async function startDiditSandbox(opts: DiditSandboxOptions): Promise<DiditSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? Date.now;
  const webhookTimeoutMs = opts.webhookTimeoutMs ?? 5_000;
  const webhookUrl = () => (typeof opts.webhookUrl === 'function' ? opts.webhookUrl() : opts.webhookUrl);
  const { secrets } = opts;

  const state: State = (await loadJsonState<State>(opts.stateFile, 1)) ?? { version: 1, counter: 1000, sessions: {} };
  const persist = jsonStatePersister(opts.stateFile, () => state, (err) => log(`didit sandbox: state not saved: ${String(err)}`));

  let baseUrl = '';
  const sessionUrl = (s: SandboxSession) => `${baseUrl}/session/${s.session_token}`;
  const byToken = (token: string) => Object.values(state.sessions).find((s) => s.session_token === token);

  /** The decision document (GET …/decision/ and the webhook's `decision`). */
  function decision(s: SandboxSession): Record<string, unknown> {
    const p = s.person;
    const verdict = s.status === 'Approved' ? 'Approved' : s.status === 'Declined' ? 'Declined' : s.status === 'In Review' ? 'In Review' : 'Not Finished';
    const base: Record<string, unknown> = {
      session_id: s.session_id,
      session_number: s.session_number,
      session_url: sessionUrl(s),
      session_kind: s.kind,
      status: s.status,
      workflow_id: s.workflow_id,
      vendor_data: s.vendor_data,
      metadata: s.metadata,
      callback: s.callback,
      created_at: new Date(s.created_at).toISOString(),
      reviews: [],
    };
    if (s.kind === 'business') {
      return {
        ...base,
        kyb_verifications: [
          { node_id: 'kyb-1', status: verdict, company_name: p?.business_name ?? null, registration_number: p?.document_number ?? null, warnings: [] },
        ],
      };
    }
    return {
      ...base,
      id_verifications: [
        {
          node_id: 'id-1',
          status: verdict,
          document_type: 'Identity Card',
          document_number: p?.document_number ?? null,
          first_name: p?.first_name ?? null,
          last_name: p?.last_name ?? null,
          full_name: p ? `${p.first_name} ${p.last_name}` : null,
          issuing_state: 'PER',
          warnings: s.status === 'In Review' ? [{ risk: 'POSSIBLE_DUPLICATED_USER', short_description: 'Posible usuario duplicado' }] : [],
        },
      ],
      liveness_checks: [{ node_id: 'live-1', status: verdict, score: s.status === 'Declined' ? 12.5 : 97.25 }],
      face_matches: [{ node_id: 'face-1', status: verdict, score: s.status === 'Declined' ? 20 : 92.5 }],
      aml_screenings: [{ node_id: 'aml-1', status: verdict === 'Not Finished' ? 'Not Finished' : 'Approved', total_hits: 0 }],
    };
  }

  async function sendWebhook(s: SandboxSession): Promise<SandboxDelivery | null> {
    const now = Math.floor(clock() / 1000);
    // Insertion-ordered keys and a float that is a whole number: the raw bytes differ from the canonical form.
    const body: Record<string, unknown> = {
      session_id: s.session_id,
      status: s.status,
      webhook_type: 'status.updated',
      created_at: now,
      timestamp: now,
      workflow_id: s.workflow_id,
      ...(s.vendor_data ? { vendor_data: s.vendor_data } : {}),
      ...(s.metadata ? { metadata: s.metadata } : {}),
      ...(s.kind === 'business' ? { session_kind: 'business', business_session_id: s.session_id } : {}),
      ...(['Approved', 'Declined', 'In Review', 'Abandoned'].includes(s.status) ? { decision: decision(s) } : {}),
    };
    const raw = JSON.stringify(body, null, 1);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'DiditWebhook/2.0',
      'x-timestamp': String(now),
      'x-signature': signRaw(secrets.webhookSecret, raw),
      'x-signature-v2': signV2(secrets.webhookSecret, body),
      'x-signature-simple': hmacHex(secrets.webhookSecret, `${now}:${s.session_id}:${s.status}:status.updated`),
    };
    s.last_webhook = { raw, headers };
    return deliver(s);
  }

  async function deliver(s: SandboxSession): Promise<SandboxDelivery | null> {
    const url = webhookUrl();
    if (!s.last_webhook) return null;
    const started = performance.now();
    const record: SandboxDelivery = { at: clock(), status: s.status, url: url ?? '', httpStatus: null, answer: '', ms: 0 };
    if (!url) record.answer = 'sin URL de webhook';
    else {
      try {
        const res = await fetch(url, { method: 'POST', headers: s.last_webhook.headers, body: s.last_webhook.raw, signal: AbortSignal.timeout(webhookTimeoutMs) });
        record.httpStatus = res.status;
        record.answer = (await res.text()).slice(0, 200);
      } catch (err) {
        record.answer = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    record.ms = Math.round(performance.now() - started);
    s.deliveries.push(record);
    if (s.deliveries.length > 50) s.deliveries.splice(0, s.deliveries.length - 50);
    await persist();
    log(`didit sandbox: webhook ${s.status} → ${url ?? '-'}: ${record.httpStatus ?? 'error'} ${record.answer}`);
    return record;
  }

  async function setStatus(id: string, status: SandboxStatus): Promise<SandboxDelivery | null> {
    const s = state.sessions[id];
    if (!s) return null;
    s.status = status;
    await persist();
    return sendWebhook(s);
  }

  // ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────────────
  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let size = 0;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 64 * 1024) {
          reject(new Error('too large'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const sendHtml = (res: http.ServerResponse, status: number, html: string) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };
  const authorized = (req: http.IncomingMessage) => {
    const key = req.headers['x-api-key'];
    if (typeof key !== 'string') return false;
    const a = Buffer.from(key);
    const b = Buffer.from(secrets.apiKey);
    return a.length === b.length && crypto.timingSafeEqual(a, b);
  };

  async function createSession(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!authorized(req)) return sendJson(res, 403, { detail: 'You do not have permission to perform this action.' });
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return sendJson(res, 400, { detail: 'JSON parse error' });
    }
    if (!isRecord(body) || typeof body.workflow_id !== 'string') return sendJson(res, 400, { workflow_id: ['This field is required.'] });
    const workflow = body.workflow_id;
    if (workflow !== secrets.workflowKyc && workflow !== secrets.workflowKyb) return sendJson(res, 400, { workflow_id: ['Workflow not found.'] });
    const vendorData = typeof body.vendor_data === 'string' ? body.vendor_data : null;
    if (body.callback !== undefined && (typeof body.callback !== 'string' || !/^https?:\/\//.test(body.callback))) {
      return sendJson(res, 400, { callback: ['Enter a valid URL.'] });
    }
    const existing = vendorData
      ? Object.values(state.sessions).find((s) => s.vendor_data === vendorData && s.workflow_id === workflow && OPEN.has(s.status))
      : undefined;
    const s: SandboxSession = existing ?? {
      session_id: crypto.randomUUID(),
      session_number: ++state.counter,
      session_token: crypto.randomBytes(12).toString('base64url'),
      workflow_id: workflow,
      kind: workflow === secrets.workflowKyb ? 'business' : 'user',
      vendor_data: vendorData,
      metadata: isRecord(body.metadata) ? body.metadata : null,
      callback: typeof body.callback === 'string' ? body.callback : null,
      language: typeof body.language === 'string' ? body.language : 'es',
      status: 'Not Started',
      created_at: clock(),
      person: null,
      last_webhook: null,
      deliveries: [],
    };
    state.sessions[s.session_id] = s;
    await persist();
    sendJson(res, 201, {
      session_id: s.session_id,
      session_number: s.session_number,
      session_token: s.session_token,
      url: sessionUrl(s),
      vendor_data: s.vendor_data,
      metadata: s.metadata,
      status: s.status,
      callback: s.callback,
      workflow_id: s.workflow_id,
      workflow_version: 1,
    });
  }

  function hostedPage(s: SandboxSession, notice?: string): string {
    const business = s.kind === 'business';
    const done = !OPEN.has(s.status);
    const back = s.callback ? `${s.callback}${s.callback.includes('?') ? '&' : '?'}verificationSessionId=${encodeURIComponent(s.session_id)}&status=${encodeURIComponent(s.status)}` : null;
    return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Verificación de identidad · DIDIT (sandbox)</title>
<style>
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:28rem;margin:0 auto;padding:1rem}header{display:flex;align-items:center;gap:.5rem;margin:.5rem 0 1rem}
.logo{width:2rem;height:2rem;border-radius:.5rem;background:#2563eb;color:#fff;display:grid;place-items:center;font-weight:700}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:1rem;padding:1rem;margin-bottom:1rem}
h1{font-size:1.25rem;margin:0 0 .25rem}p{margin:.25rem 0;color:#52525b;font-size:.95rem}
label{display:block;font-size:.875rem;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;padding:.7rem .75rem;border:1px solid #d4d4d8;border-radius:.6rem;font-size:1rem}
button{width:100%;min-height:3rem;border:0;border-radius:.75rem;font-size:1rem;font-weight:600;margin-top:.6rem;cursor:pointer}
.ok{background:#059669;color:#fff}.no{background:#dc2626;color:#fff}.rev{background:#f59e0b;color:#1c1917}.ab{background:#e4e4e7;color:#27272a}
.tag{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:999px;padding:.15rem .6rem;font-size:.8rem;font-weight:600}
.notice{background:#ecfdf5;border:1px solid #a7f3d0;color:#065f46;border-radius:.75rem;padding:.75rem;margin-bottom:1rem}
a.btn{display:block;text-align:center;text-decoration:none;background:#2563eb;color:#fff;border-radius:.75rem;padding:.85rem;font-weight:600;margin-top:.75rem}
small{color:#71717a}
</style></head><body><main>
<header><div class="logo">D</div><div><strong>DIDIT</strong> <span class="tag">sandbox local</span></div></header>
${notice ? `<div class="notice" role="status">${esc(notice)}</div>` : ''}
<div class="card"><h1>${business ? 'Verificación de empresa (KYB)' : 'Verificación de identidad (KYC)'}</h1>
<p>Sesión n.º ${s.session_number} · Estado: <strong data-testid="didit-status">${esc(STATUS_ES[s.status])}</strong></p>
<p><small>Este es el entorno de pruebas: no se pide ningún documento real. Elige el resultado que quieres simular.</small></p></div>
${
  done
    ? `<div class="card"><p>Esta verificación ya terminó.</p>${back ? `<a class="btn" href="${esc(back)}">Volver a la tienda</a>` : ''}</div>`
    : `<form class="card" method="post" action="/session/${esc(s.session_token)}/submit">
${business ? `<label for="business_name">Razón social</label><input id="business_name" name="business_name" value="Artesanías Ñandú S.A.C." required maxlength="120">` : ''}
<label for="first_name">Nombres</label><input id="first_name" name="first_name" value="María José" required maxlength="80">
<label for="last_name">Apellidos</label><input id="last_name" name="last_name" value="Núñez Peña" required maxlength="80">
<label for="document_number">${business ? 'RUC / registro' : 'Documento de identidad'}</label><input id="document_number" name="document_number" value="${business ? '20601234567' : '45678912'}" required maxlength="30">
<button class="ok" name="outcome" value="approve">Aprobar</button>
<button class="rev" name="outcome" value="review">Enviar a revisión</button>
<button class="no" name="outcome" value="decline">Rechazar</button>
<button class="ab" name="outcome" value="abandon">Abandonar</button>
</form>`
}
</main></body></html>`;
  }

  async function openHosted(token: string, res: http.ServerResponse) {
    const s = byToken(token);
    if (!s) return sendHtml(res, 404, '<!doctype html><meta charset="utf-8"><p>Sesión no encontrada.</p>');
    if (s.status === 'Not Started') {
      s.status = 'In Progress';
      await persist();
      void sendWebhook(s);
    }
    sendHtml(res, 200, hostedPage(s));
  }

  async function submitHosted(token: string, req: http.IncomingMessage, res: http.ServerResponse) {
    const s = byToken(token);
    if (!s) return sendHtml(res, 404, '<!doctype html><meta charset="utf-8"><p>Sesión no encontrada.</p>');
    if (!OPEN.has(s.status)) return sendHtml(res, 409, hostedPage(s, 'Esta verificación ya terminó.'));
    const form = new URLSearchParams(await readBody(req));
    const outcome = form.get('outcome');
    const next: Record<string, SandboxStatus> = { approve: 'Approved', decline: 'Declined', review: 'In Review', abandon: 'Abandoned' };
    const status = outcome ? next[outcome] : undefined;
    if (!status) return sendHtml(res, 400, hostedPage(s, 'Elige un resultado.'));
    const clean = (k: string) => (form.get(k) ?? '').trim().slice(0, 120);
    s.person = { first_name: clean('first_name'), last_name: clean('last_name'), document_number: clean('document_number'), ...(s.kind === 'business' ? { business_name: clean('business_name') } : {}) };
    s.status = status;
    await persist();
    // Deliver before sending the browser back, as DIDIT's webhook usually beats the redirect.
    await sendWebhook(s);
    if (!s.callback) return sendHtml(res, 200, hostedPage(s, 'Listo. Puedes cerrar esta ventana.'));
    const back = new URL(s.callback);
    back.searchParams.set('verificationSessionId', s.session_id);
    back.searchParams.set('status', s.status);
    res.writeHead(303, { location: back.toString(), 'cache-control': 'no-store' });
    res.end();
  }

  function controlPage(): string {
    const rows = Object.values(state.sessions)
      .sort((a, b) => b.created_at - a.created_at)
      .slice(0, 100)
      .map(
        (s) => `<tr><td>${s.session_number}</td><td>${esc(s.kind)}</td><td>${esc(s.vendor_data)}</td><td>${esc(s.status)}</td>
<td>${s.deliveries.map((d) => `${esc(d.status)} → ${d.httpStatus ?? 'error'}`).join('<br>')}</td><td><a href="/session/${esc(s.session_token)}">abrir</a></td></tr>`,
      )
      .join('');
    return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>DIDIT sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem}table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{border-bottom:1px solid #e4e4e7;padding:.35rem;text-align:left;vertical-align:top}</style></head>
<body><h1>DIDIT sandbox</h1><p>Webhook: ${esc(webhookUrl() ?? '(sin configurar)')}</p>
<table><thead><tr><th>n.º</th><th>tipo</th><th>vendor_data</th><th>estado</th><th>webhooks</th><th></th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const p = url.pathname;
      try {
        if (req.method === 'POST' && p === '/v3/session/') return await createSession(req, res);
        let m = /^\/v3\/session\/([^/]+)\/decision\/?$/.exec(p);
        if (req.method === 'GET' && m) {
          if (!authorized(req)) return sendJson(res, 403, { detail: 'You do not have permission to perform this action.' });
          const s = state.sessions[decodeURIComponent(m[1]!)];
          return s ? sendJson(res, 200, decision(s)) : sendJson(res, 404, { detail: 'Not found.' });
        }
        m = /^\/session\/([A-Za-z0-9_-]+)$/.exec(p);
        if (req.method === 'GET' && m) return await openHosted(m[1]!, res);
        m = /^\/session\/([A-Za-z0-9_-]+)\/submit$/.exec(p);
        if (req.method === 'POST' && m) return await submitHosted(m[1]!, req, res);
        if (req.method === 'GET' && p === '/sandbox') return sendHtml(res, 200, controlPage());
        if (req.method === 'GET' && p === '/sandbox/api/sessions') return sendJson(res, 200, Object.values(state.sessions));
        m = /^\/sandbox\/api\/sessions\/([^/]+)\/(status|resend)$/.exec(p);
        if (req.method === 'POST' && m) {
          const s = state.sessions[decodeURIComponent(m[1]!)];
          if (!s) return sendJson(res, 404, { error: 'not found' });
          if (m[2] === 'resend') return sendJson(res, 200, { delivery: await deliver(s) });
          const body = JSON.parse((await readBody(req)) || '{}') as { status?: string };
          if (!DIDIT_SANDBOX_STATUSES.includes(body.status as SandboxStatus)) return sendJson(res, 400, { error: 'unknown status' });
          return sendJson(res, 200, { delivery: await setStatus(s.session_id, body.status as SandboxStatus) });
        }
        sendJson(res, 404, { detail: 'Not found.' });
      } catch (err) {
        log(`didit sandbox: ${String(err)}`);
        if (!res.headersSent) sendJson(res, 500, { detail: 'sandbox error' });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  baseUrl = `http://${host}:${port}`;
  return {
    url: baseUrl,
    port,
    setStatus,
    session: (id) => state.sessions[id],
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await persist.settled();
    },
  };
}
