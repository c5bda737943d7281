/** The worker thread: takes one task at a time from the pool and answers with its result. */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type Task, type WorkerOptions } from './task.js';

const options = workerData as WorkerOptions;
const port = parentPort;
if (port !== null) {
  port.on('message', (task: Task) => {
    port.postMessage(runTask(task, options));
  });
  port.postMessage({ ready: true });
}
