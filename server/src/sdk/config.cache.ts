import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { CONFIG_CHANNEL, ConfigChanges } from '../content/config-changes';
import { ContentConfigService } from '../content/content-config.service';
import { ExperimentsService } from '../experiments/experiments.service';
import { buildWorkspaceConfig, neededVersionIds, type WorkspaceConfig } from './workspace-config';

/** A cached configuration is trusted this long while LISTEN is up (a safety net only). */
const MAX_AGE_MS = 5 * 60_000;
/** …and only this long while it is down, since changes may be missed. */
const DEAF_MAX_AGE_MS = 1000;
const RECONNECT_MS = 1000;

interface Entry {
  promise: Promise<WorkspaceConfig>;
  at: number;
}

/**
 * Published configuration per workspace, in memory. Dropped when this instance changes it
 * (ConfigChanges) and when any instance does (PostgreSQL LISTEN on the change channel, whose
 * NOTIFY is sent inside the changing transaction). While the LISTEN connection is down, entries
 * live one second, and everything is dropped when it comes back.
 */
@Injectable()
export class ConfigCache implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('ConfigCache');
  private readonly entries = new Map<string, Entry>();
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private unsubscribe: (() => void) | null = null;
  private reconnect: ReturnType<typeof setTimeout> | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly content: ContentConfigService,
    private readonly experiments: ExperimentsService,
    private readonly changes: ConfigChanges,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = this.changes.onChange((workspaceId) => this.invalidate(workspaceId));
    await this.listen().catch((error: unknown) => this.lost(null, error));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    this.unsubscribe?.();
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  /** Whether cross-instance invalidation is live. */
  get isListening(): boolean {
    return this.listening;
  }

  get(workspaceId: string): Promise<WorkspaceConfig> {
    const entry = this.entries.get(workspaceId);
    const maxAge = this.listening ? MAX_AGE_MS : DEAF_MAX_AGE_MS;
    if (entry && Date.now() - entry.at < maxAge) return entry.promise;
    const fresh: Entry = { promise: this.load(workspaceId), at: Date.now() };
    this.entries.set(workspaceId, fresh);
    fresh.promise.catch(() => {
      if (this.entries.get(workspaceId) === fresh) this.entries.delete(workspaceId);
    });
    return fresh.promise;
  }

  /** A load already under way is dropped too: it may have read before the change committed. */
  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }

  private async load(workspaceId: string): Promise<WorkspaceConfig> {
    const [items, running, themes] = await Promise.all([
      this.content.items(workspaceId, true),
      this.experiments.running(workspaceId),
      this.content.themes(workspaceId),
    ]);
    const versions = await this.content.versions(workspaceId, neededVersionIds(items, running));
    return buildWorkspaceConfig(workspaceId, items, versions, running, themes);
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connectionConfig());
    client.on('notification', (message) => {
      if (message.channel === CONFIG_CHANNEL && message.payload) this.invalidate(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${CONFIG_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.listening = true;
    // Anything cached while deaf may have missed a change.
    this.entries.clear();
  }

  private lost(client: Client | null, error: unknown): void {
    if (client && this.client !== client) return;
    if (this.listening || client === null) {
      this.log.warn(
        `configuration change listener down; caching for ${DEAF_MAX_AGE_MS} ms: ${String(error)}`,
      );
    }
    this.client = null;
    this.listening = false;
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    if (this.closed) return;
    this.reconnect = setTimeout(() => {
      this.listen().catch((e: unknown) => this.lost(null, e));
    }, RECONNECT_MS);
    this.reconnect.unref();
  }

  private connectionConfig(): ClientConfig {
    const o = this.db.options as {
      url?: string;
      host?: string;
      port?: number;
      username?: string;
      password?: string | (() => string | Promise<string>);
      database?: string;
    };
    if (o.url) return { connectionString: o.url };
    const config: ClientConfig = {};
    if (o.host) config.host = o.host;
    if (o.port) config.port = o.port;
    if (o.username) config.user = o.username;
    if (o.password) config.password = o.password;
    if (o.database) config.database = o.database;
    return config;
  }
}
