// npm run -s demo:accounts — prints the demo accounts (role, service, login, password, scope) as
// JSON. Reads no configuration and opens no database: the accounts are fixed by the generator.
import { comptesDemo } from '../src/server/demo/comptes.ts';

console.log(JSON.stringify(comptesDemo(), null, 2));
