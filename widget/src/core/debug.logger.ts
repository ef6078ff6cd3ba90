/** A scoped logger: one-line errors always, details only when `debug` is on. */
export interface Logger {
  verbose: boolean;
  debug(message: string, detail?: unknown): void;
  error(message: string, error: unknown): void;
}

export function createLogger(sink: Pick<Console, 'warn'> = console): Logger {
  return {
    verbose: false,
    debug(message, detail) {
      if (this.verbose) sink.warn(`[waymark] ${message}`, detail);
    },
    error(message, error) {
      sink.warn(`[waymark] ${message}:`, this.verbose ? error : String(error));
    },
  };
}
