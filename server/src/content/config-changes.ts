import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type ClientConfig } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';

/** "This workspace's published configuration changed" (payload: the workspace id). */
export const CONFIG_CHANNEL = 'waymark_config';
/** "This workspace's keys or identity settings changed" (payload: the workspace id). */
export const KEYS_CHANNEL = 'waymark_keys';
/** "This user's content progress changed" (payload: `<workspace id> <user key>`). */
export const PROGRESS_CHANNEL = 'waymark_progress';

/** "An identity left this person" (payload: `<workspace id> <end user id>`). */
export const IDENTITY_CHANNEL = 'waymark_identity';

const CHANNELS = [CONFIG_CHANNEL, KEYS_CHANNEL, PROGRESS_CHANNEL, IDENTITY_CHANNEL] as const;
export type ChangeChannel = (typeof CHANNELS)[number];

type Listener = (payload: string) => void;
/** Told whether cross-instance invalidation is live; on `true`, drop whatever was cached. */
type StateListener = (listening: boolean) => void;

const RECONNECT_MS = 1000;

/**
 * The one change listener of an instance, for every in-memory cache of the SDK path (published
 * configuration, key lookups, progress) and the event writer's resolved identities. Triggers
 * NOTIFY the channels above at commit, for any writer (migrations 1764000000010, 1764200000001,
 * 1764500000001); one dedicated connection LISTENs on all of them and hands each payload to
 * that channel's listeners.
 *
 * Caches must trust their entries only briefly while `isListening` is false (changes may be
 * missed) and drop everything when it turns true again; `onState` tells them both.
 *
 * Changes to what the SDK serves also go through `change`: the work runs in one transaction and
 * this instance's configuration listeners are told at once after it commits, before any NOTIFY.
 */
@Injectable()
export class ConfigChanges implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('ConfigChanges');
  private readonly listeners = new Map<ChangeChannel, Set<Listener>>(
    CHANNELS.map((c) => [c, new Set()]),
  );
  private readonly stateListeners = new Set<StateListener>();
  private client: Client | null = null;
  private listening = false;
  private closed = false;
  private reconnect: ReturnType<typeof setTimeout> | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: unknown) => this.lost(null, error));
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    this.setListening(false);
    await client?.end().catch(() => undefined);
  }

  /** Whether cross-instance invalidation is live. */
  get isListening(): boolean {
    return this.listening;
  }

  /** Payloads of one channel, from any instance (this one's own writes included). */
  on(channel: ChangeChannel, listener: Listener): () => void {
    const set = this.listeners.get(channel)!;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Called at once with the current state, then on every change of it. */
  onState(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    listener(this.listening);
    return () => this.stateListeners.delete(listener);
  }

  /** Configuration changes of a workspace (this instance's at once, others' by NOTIFY). */
  onChange(listener: (workspaceId: string) => void): () => void {
    return this.on(CONFIG_CHANNEL, listener);
  }

  /** Tells this instance's listeners of a change now (others hear of it through NOTIFY). */
  emit(channel: ChangeChannel, payload: string): void {
    for (const listener of this.listeners.get(channel)!) listener(payload);
  }

  async change<T>(workspaceId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.db.transaction(work);
    this.emit(CONFIG_CHANNEL, workspaceId);
    return result;
  }

  private setListening(listening: boolean): void {
    if (this.listening === listening) return;
    this.listening = listening;
    for (const listener of this.stateListeners) listener(listening);
  }

  private async listen(): Promise<void> {
    const client = new Client(this.connectionConfig());
    client.on('notification', (message) => {
      const set = this.listeners.get(message.channel as ChangeChannel);
      if (!set || !message.payload) return;
      for (const listener of set) listener(message.payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    await client.query(CHANNELS.map((c) => `LISTEN ${c};`).join(' '));
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    // Listeners drop what they cached while deaf: it may have missed a change.
    this.setListening(true);
  }

  private lost(client: Client | null, error: unknown): void {
    if (client && this.client !== client) return;
    if (this.listening || client === null) {
      this.log.warn(`change listener down; caches trust entries briefly: ${String(error)}`);
    }
    this.client = null;
    this.setListening(false);
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
