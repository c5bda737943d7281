/**
 * A fixed set of worker threads, one task each at a time. A task that runs past its time budget is recorded
 * as a failure and its worker is terminated and replaced, so one pathological page cannot stall a run.
 */
import { rmSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { workerFile } from './worker-file.cjs';
import { temporaryPath, type Task, type TaskResult, type WorkerOptions } from './task.js';

/** The heap limits of the workers (see HEAP_LIMITS). */
export interface HeapLimits {
  /** Every worker's limits. */
  normal: ResourceLimits;
  /** The limits of the worker a page that ran out of memory is retried in, alone. */
  large: ResourceLimits;
}

/**
 * Heap limits of a worker. Tight limits make V8 collect early, which keeps the resident memory of a long run
 * flat (measured: 2 workers over 3,000 pages peak at 365 MB with V8's defaults, 222 MB with these). A page
 * that needs more is retried alone in a worker with the large limits; past those it fails ("ran out of
 * memory") without ending the run.
 */
export const HEAP_LIMITS: HeapLimits = Object.freeze({
  normal: Object.freeze({ maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 }),
  large: Object.freeze({ maxOldGenerationSizeMb: 2048 }),
});

const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';


interface Slot {
  worker: Worker;
  /** Set when the worker has loaded its modules: a page's time budget starts then, not at start-up. */
  ready: boolean;
  busy?: { task: Task; resolve: (r: TaskResult) => void; timer: NodeJS.Timeout };
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: { task: Task; resolve: (r: TaskResult) => void }[] = [];
  private closed = false;

  constructor(
    size: number,
    private readonly options: WorkerOptions,
    private readonly timeoutMs: number,
    private readonly heap: HeapLimits = HEAP_LIMITS,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Runs a task on the next free worker; resolves with its result, never rejects. */
  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.waiting.push({ task, resolve });
      this.pump();
    });
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(workerFile(), { workerData: this.options, resourceLimits: this.heap.normal });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: TaskResult | { ready: true }) => {
      if ('ready' in message) {
        slot.ready = true;
        this.pump();
      } else {
        this.finish(slot, message);
      }
    });
    worker.on('error', (err: Error) => this.replace(slot, failureOf(err), 'internal', (err as NodeJS.ErrnoException).code === OUT_OF_MEMORY));
    worker.on('exit', () => this.replace(slot, 'worker stopped unexpectedly'));
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy !== undefined || !slot.ready) continue;
      const next = this.waiting.shift();
      if (next === undefined) return;
      const timer = setTimeout(() => this.timeOut(slot), this.timeoutMs);
      slot.busy = { ...next, timer };
      const payload = next.task.payload;
      if (payload instanceof Uint8Array) {
        // A copy of exactly the payload's bytes, moved (not cloned) to the worker.
        const own = Uint8Array.prototype.slice.call(payload);
        slot.worker.postMessage({ ...next.task, payload: own }, [own.buffer]);
      } else {
        slot.worker.postMessage(next.task);
      }
    }
  }

  private finish(slot: Slot, result: TaskResult): void {
    const busy = slot.busy;
    if (busy === undefined) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.resolve(result);
    this.pump();
  }

  private timeOut(slot: Slot): void {
    const seconds = this.timeoutMs / 1000;
    this.replace(slot, `timed out after ${seconds} s`, 'timeout');
  }

  /**
   * Ends a worker that timed out or died: a fresh worker takes its place, and its task fails — or, when it
   * ran out of memory, is tried once more alone with a larger heap.
   */
  private replace(slot: Slot, reason: string, category: 'timeout' | 'internal' = 'internal', retryLarge = false): void {
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const busy = slot.busy;
    slot.busy = undefined;
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    const stopped = slot.worker.terminate();
    this.slots[index] = this.spawn();
    if (busy !== undefined) {
      clearTimeout(busy.timer);
      const outPath = busy.task.outPath;
      const failed: TaskResult = { id: busy.task.id, ok: false, reason, category };
      // The worker may have stopped between writing its temporary file and renaming it: once it is gone,
      // remove that file, then report the failure.
      void stopped
        .catch(() => undefined)
        .then(() => {
          if (outPath !== undefined) rmSync(temporaryPath(outPath, busy.task.id, this.options.tmpTag), { force: true });
          if (retryLarge) void this.runAlone(busy.task).then(busy.resolve);
          else busy.resolve(failed);
        });
    }
    this.pump();
  }

  /** Runs one task in a worker of its own with the large heap, under the same time budget. */
  private runAlone(task: Task): Promise<TaskResult> {
    return new Promise((resolve) => {
      const worker = new Worker(workerFile(), { workerData: this.options, resourceLimits: this.heap.large });
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const end = (result: TaskResult): void => {
        if (settled) return;
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker
          .terminate()
          .catch(() => undefined)
          .then(() => {
            if (!result.ok && task.outPath !== undefined) rmSync(temporaryPath(task.outPath, task.id, this.options.tmpTag), { force: true });
            resolve(result);
          });
      };
      worker.on('message', (message: TaskResult | { ready: true }) => {
        if (!('ready' in message)) return end(message);
        timer = setTimeout(() => end({ id: task.id, ok: false, reason: `timed out after ${this.timeoutMs / 1000} s`, category: 'timeout' }), this.timeoutMs);
        worker.postMessage(task);
      });
      worker.on('error', (err: Error) => end({ id: task.id, ok: false, reason: failureOf(err), category: 'internal' }));
      worker.on('exit', () => end({ id: task.id, ok: false, reason: 'worker stopped unexpectedly', category: 'internal' }));
    });
  }
}

function failureOf(err: Error): string {
  if ((err as NodeJS.ErrnoException).code === OUT_OF_MEMORY) return 'ran out of memory';
  return `internal error: ${err.message.split('\n')[0] ?? 'worker failed'}`;
}
