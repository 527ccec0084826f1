import { Worker } from 'node:worker_threads';
import type { QueryOptions, Results, Transaction } from '@electric-sql/pglite';

type Reply =
  | { id: number; result?: unknown; error?: Record<string, unknown> }
  | { notice: number; payload: string };

type Pending = { resolve: (result: unknown) => void; reject: (error: unknown) => void };

function rebuiltError(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message ?? 'PGlite error'));
  // The SQLSTATE, constraint and detail travel as fields: database-errors.ts reads them, as it does PGlite's own.
  return Object.assign(error, fields);
}

/** The caller's parsers (Drizzle's keep dates as text) run here, on the text the thread left alone. */
function applyParsers(result: Results, parsers: NonNullable<QueryOptions['parsers']>, arrays: boolean): void {
  result.fields.forEach((field, index) => {
    const parse = parsers[field.dataTypeID];
    if (!parse) return;
    for (const row of result.rows as Record<string | number, unknown>[]) {
      const key = arrays ? index : field.name;
      const value = row[key];
      if (typeof value === 'string') row[key] = parse(value);
    }
  });
}

/**
 * PGlite, run in a worker thread: its queries no longer run on the portal's event loop, so while
 * one runs the loop renders other pages. The subset of PGlite's interface that Drizzle and
 * database.ts use. PGlite is one connection: the thread runs one statement at a time and holds
 * others back while a transaction is open, as PGlite does in-process.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<number, (payload: string) => void>();
  private stopped: Error | null = null;

  constructor(dataDir: string | null) {
    this.worker = new Worker(new URL('./pglite-thread.worker.mjs', import.meta.url), {
      workerData: { dataDir },
    });
    // Only a query under way keeps the process alive, as with PGlite in-process (see call()).
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.receive(reply));
    this.worker.on('error', (error) => this.stop(error));
    this.worker.on('exit', (code) => this.stop(new Error(`the PGlite thread stopped (exit code ${code})`)));
    this.waitReady = this.call({ op: 'ready' }).then(() => {});
  }

  async query<T>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions = {},
    transaction?: number,
  ): Promise<Results<T>> {
    const parsers = options.parsers ?? {};
    const textTypes = Object.keys(parsers).map(Number);
    const rowMode = options.rowMode ?? 'object';
    const result = (await this.call({
      op: 'query',
      sql,
      params,
      rowMode,
      textTypes,
      transaction,
    })) as Results<T>;
    if (textTypes.length > 0) applyParsers(result as Results, parsers, rowMode === 'array');
    return result;
  }

  async exec(sql: string, _options?: QueryOptions, transaction?: number): Promise<Results[]> {
    return (await this.call({ op: 'exec', sql, transaction })) as Results[];
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: 'begin' })) as number;
    let closed = false;
    const end = (commit: boolean) => {
      closed = true;
      return this.call({ op: 'end', transaction: id, commit });
    };
    const refuseWhenClosed = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const tx: Transaction = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
        refuseWhenClosed();
        return this.query<R>(sql, params, options, id);
      },
      exec: (sql: string, options?: QueryOptions) => {
        refuseWhenClosed();
        return this.exec(sql, options, id);
      },
      sql: () => Promise.reject(new Error('tx.sql is not available on the PGlite thread; use query')),
      listen: () =>
        Promise.reject(new Error('listen inside a transaction is not available on the PGlite thread')),
      rollback: async () => {
        refuseWhenClosed();
        await end(false);
      },
      get closed() {
        return closed;
      },
    };
    try {
      const result = await callback(tx);
      if (!closed) await end(true);
      return result;
    } catch (error) {
      if (!closed) await end(false).catch(() => {});
      throw error;
    }
  }

  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = this.nextId++;
    this.listeners.set(listener, callback);
    try {
      await this.call({ op: 'listen', channel, listener });
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return async () => {
      if (!this.listeners.delete(listener)) return;
      await this.call({ op: 'unlisten', listener });
    };
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.call({ op: 'close' });
    } finally {
      this.stop(new Error('PGlite is closed'));
      await this.worker.terminate();
    }
  }

  private call(message: Record<string, unknown>): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private receive(reply: Reply): void {
    if ('notice' in reply) {
      this.listeners.get(reply.notice)?.(reply.payload);
      return;
    }
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.error) waiting.reject(rebuiltError(reply.error));
    else waiting.resolve(reply.result);
  }

  private stop(reason: Error): void {
    if (this.stopped) return;
    this.stopped = reason;
    for (const waiting of this.pending.values()) waiting.reject(reason);
    this.pending.clear();
    this.listeners.clear();
  }
}
