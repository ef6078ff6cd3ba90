import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface DemoFile {
  url: string;
  email: string;
  password: string;
  workspaceId: string;
  sdkKey: string;
  secretKey: string;
}

/** The demo workspace's credentials, written by the server on first start. */
export function demo(): DemoFile {
  const file =
    process.env.WAYMARK_DEMO_FILE ?? path.resolve(import.meta.dirname, '../../.data/demo.json');
  return JSON.parse(readFileSync(file, 'utf8')) as DemoFile;
}
