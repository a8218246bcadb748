import { withDatabase } from './local/with-database';

void withDatabase(async () => {
  console.log('migrations applied');
}).catch((err) => {
  console.error(err);
  process.exit(1);
});
