import path from 'node:path';
import { z } from 'zod';

/** The repository root: server/dist/config or server/src/config → two levels up from server/. */
export const repoRoot = path.resolve(__dirname, '../../..');

const LogLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Every environment variable the server reads; documented in the README. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must look like postgres://user:pass@host:5432/db' })
    .optional(),
  DATA_DIR: z.string().min(1).default(path.join(repoRoot, '.data')),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: LogLevelSchema.default('info'),
  SEED_DEMO: z.stringbool().default(true),
  LOGIN_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).default(10),
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof LogLevelSchema>;
  seedDemo: boolean;
  /** Sign-in attempts allowed per email and per client IP in one window. */
  loginLimits: { perEmail: number; perIp: number; windowSeconds: number };
  /** Where the built widget, builder UI and demo app are served from. */
  paths: { widget: string; builder: string; demo: string };
}

export class ConfigError extends Error {}

/** Where users reach the server: PUBLIC_URL, else http://localhost:$PORT. Links in mails use it. */
export const publicUrlOf = (config: Config): string =>
  (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');

/** Parses the environment once. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration — ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    seedDemo: e.SEED_DEMO,
    loginLimits: {
      perEmail: e.LOGIN_LIMIT_PER_EMAIL,
      perIp: e.LOGIN_LIMIT_PER_IP,
      windowSeconds: e.LOGIN_LIMIT_WINDOW_SECONDS,
    },
    paths: {
      widget: path.join(repoRoot, 'widget/dist'),
      builder: path.join(repoRoot, 'builder-ui/dist'),
      demo: path.join(repoRoot, 'server/demo'),
    },
  };
}
