// Runs a TypeScript module on a worker thread. The server itself runs through tsx
// (npm start), but a worker thread does not inherit its loader, and vitest's
// processes have none: register tsx here, then load the module named in workerData.
import { register } from "tsx/esm/api";
import { workerData } from "node:worker_threads";

register();
await import(workerData.entry);
