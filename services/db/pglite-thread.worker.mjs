// PGlite in a thread of its own, so the portal's event loop serves requests while a query runs.
// Plain JavaScript on purpose: the thread starts without a TypeScript loader, in the server, the
// scripts and the tests alike. services/db/pglite-thread.ts is the other end; each message carries
// an id and is answered once, with the result or the error's fields.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const client = workerData.dataDir ? new PGlite(workerData.dataDir) : new PGlite();
/** Open transactions by id: each holds PGlite's transaction (and so its lock) until the other end ends it. */
const transactions = new Map();
let nextTransaction = 1;
const unlisteners = new Map();

/** The caller's parsers run on its side; here those types stay text, as the wire carried them. */
function asText(types) {
  const parsers = {};
  for (const type of types) parsers[type] = (value) => value;
  return parsers;
}

function errorFields(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = { name: error.name, message: error.message };
  for (const [key, value] of Object.entries(error)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'object') continue;
    fields[key] = value;
  }
  return fields;
}

function target(message) {
  if (message.transaction === undefined) return client;
  const open = transactions.get(message.transaction);
  if (!open) throw new Error(`no open transaction ${message.transaction}`);
  return open.tx;
}

/** The operations whose result goes back; the others answer only that they are done. */
const RESULTS = new Set(['query', 'exec', 'begin']);

const operations = {
  ready: () => client.waitReady,
  query: (message) =>
    target(message).query(message.sql, message.params, {
      rowMode: message.rowMode,
      parsers: asText(message.textTypes),
    }),
  exec: (message) => target(message).exec(message.sql),
  begin: () =>
    new Promise((begun, failed) => {
      const id = nextTransaction++;
      let started = false;
      const done = client.transaction(
        (tx) =>
          new Promise((commit, rollBack) => {
            started = true;
            transactions.set(id, { tx, commit, rollBack, done });
            begun(id);
          }),
      );
      done.then(
        () => transactions.delete(id),
        (error) => {
          transactions.delete(id);
          // BEGIN itself failed: the caller is still waiting for its transaction.
          if (!started) failed(error);
        },
      );
    }),
  end: async (message) => {
    const open = transactions.get(message.transaction);
    if (!open) throw new Error(`no open transaction ${message.transaction}`);
    if (message.commit) open.commit();
    else open.rollBack(new Error('rolled back'));
    try {
      await open.done;
    } catch (error) {
      if (message.commit) throw error;
    }
  },
  listen: async (message) => {
    const unlisten = await client.listen(message.channel, (payload) =>
      parentPort.postMessage({ notice: message.listener, payload }),
    );
    unlisteners.set(message.listener, unlisten);
  },
  unlisten: async (message) => {
    const unlisten = unlisteners.get(message.listener);
    unlisteners.delete(message.listener);
    if (unlisten) await unlisten();
  },
  close: () => client.close(),
};

parentPort.on('message', async (message) => {
  try {
    const result = await operations[message.op](message);
    parentPort.postMessage({ id: message.id, result: RESULTS.has(message.op) ? result : null });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: errorFields(error) });
  }
});
