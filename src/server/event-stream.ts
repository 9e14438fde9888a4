/**
 * A long job (run, comparison, solve) answered as server-sent events on the POST that asked for
 * it: "queued", "progress" {done, total}, then "result" or "error" {status, error, problems}.
 * The job waits in the bounded run queue; a full queue is answered before any event, with 429 and
 * Retry-After. When the client goes away (cancel button, closed tab, dropped connection) the
 * response closes and the job's AbortSignal aborts: a waiting job leaves the queue, a running
 * simulation terminates its workers.
 */
import type { FastifyReply } from 'fastify';
import { UserError } from '../base/user-error.js';
import { QueueFull, type RunQueue } from './run-queue.js';

export type Send = (event: string, data: unknown) => void;

export async function streamJob(reply: FastifyReply, queue: RunQueue, headers: Record<string, string>, job: (signal: AbortSignal, send: Send) => Promise<unknown>): Promise<void> {
  if (queue.full()) {
    const wait = queue.retryAfter();
    await reply.code(429).header('Retry-After', String(wait)).send({ error: `the server is busy (${queue.load.running} running, ${queue.load.waiting} waiting): try again in ${wait} s` });
    return;
  }
  const controller = new AbortController();
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  let ended = false;
  res.on('close', () => {
    if (!ended) controller.abort(new Error('the client closed the connection'));
  });
  const send: Send = (event, data) => {
    if (!res.destroyed && !res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  send('queued', queue.load);
  try {
    const out = await queue.run(controller.signal, () => {
      send('started', {});
      return job(controller.signal, send);
    });
    send('result', out);
  } catch (e) {
    if (controller.signal.aborted) {
      // The client is gone: nothing to tell it.
    } else if (e instanceof UserError) {
      send('error', { status: 400, error: e.message, problems: e.problems });
    } else if (e instanceof QueueFull) {
      send('error', { status: 429, error: e.message, retryAfter: e.retryAfterSeconds });
    } else {
      reply.log.error(e);
      send('error', { status: 500, error: 'the run failed inside pensim (a bug: the server log has the details)' });
    }
  } finally {
    ended = true;
    res.end();
  }
}
