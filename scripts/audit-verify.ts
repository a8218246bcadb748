/**
 * `npm run audit:verify`: walks the audit log's hash chain (DATABASE_URL, or the project's embedded PostgreSQL) and
 * exits 1 naming the first broken link when any entry was edited, deleted, reordered or inserted. Prints the head
 * (last seq and hash): keep it somewhere else to also catch a cut-off tail. `--json` prints the result as JSON.
 */
import { createDb } from '../server/db/client';
import { verifyAuditChain } from '../server/services/audit/verify-audit';
import { withDatabase } from './local/with-database';

void withDatabase(async (url) => {
  const { sql, db } = createDb(url, 2);
  try {
    const result = await verifyAuditChain({ db });
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    else if (result.ok) console.log(`audit log OK: ${result.entries} entries; head #${result.head?.seq ?? 0} ${result.head?.hash ?? '(empty)'}`);
    else console.error(`audit log BROKEN at entry #${result.firstBreak!.seq} (${result.firstBreak!.kind}): ${result.firstBreak!.message}`);
    process.exitCode = result.ok ? 0 : 1;
  } finally {
    await sql.end();
  }
}).catch((err) => {
  console.error(err);
  process.exit(2);
});
