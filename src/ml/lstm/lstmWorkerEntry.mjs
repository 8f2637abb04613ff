// Worker entry point: registers tsx's loader in this thread (as bin/arbml.js does), then runs the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./lstmWorker.ts');
