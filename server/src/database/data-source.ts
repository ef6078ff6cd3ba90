import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';

/** One DataSource for the app, the migrations and the tests. Never `synchronize`. */
export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { max: 20, connectionTimeoutMillis: 5000 },
  });
}

/** The advisory lock key that lets one process at a time migrate a database ('wmmigrat'). */
export const MIGRATION_LOCK = 0x776d6d6967726174n;

/**
 * Opens the DataSource and applies pending migrations. Instances started together (behind a
 * load balancer, or two test apps) take turns under a session advisory lock: the first migrates,
 * the others then find nothing pending, instead of racing to create the same tables.
 */
export async function openDatabase(url: string): Promise<DataSource> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  const key = MIGRATION_LOCK.toString();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      // The pool keeps this session open after release: the lock must not outlive the migration.
      await lock.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await lock.release();
  }
  return dataSource;
}
