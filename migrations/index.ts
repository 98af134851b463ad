// Every migration, in order. A static list rather than a directory scan: the bundle-free server and
// the tests load exactly the same set.
import type { Migration } from 'kysely/migration';
import * as m001 from './20261123_001_socle.ts';

export const migrations: Record<string, Migration> = {
  '20261123_001_socle': m001,
};
