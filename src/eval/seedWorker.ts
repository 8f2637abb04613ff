/**
 * A worker process of `arbml evaluate`: receives seed jobs ({ config, seed }) over IPC, runs each (evaluateSeed)
 * and sends back its JSON; exits when the parent disconnects. One seed at a time per process.
 */
import { evaluateSeed, type EvaluateConfig } from './evaluateSeed.ts';

interface Job {
  id: number;
  config: EvaluateConfig;
  seed: number;
}

process.on('message', (job: Job) => {
  evaluateSeed(job.config, job.seed).then(
    (result) => process.send!({ id: job.id, result }),
    (e: unknown) => process.send!({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
process.on('disconnect', () => process.exit(0));
