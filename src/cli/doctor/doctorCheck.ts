/**
 * One finding of `arbml doctor`: what was checked, whether it holds, what was seen, and the one-line fix. A check
 * is `required` when the configured mode cannot run without it (the overall verdict counts only those).
 */
export interface DoctorCheck {
  name: string;
  ok: boolean;
  required: boolean;
  detail: string;
  /** What to do when it fails ('' when it holds). */
  fix: string;
}

export function check(name: string, required: boolean, ok: boolean, detail: string, fix: string): DoctorCheck {
  return { name, ok, required, detail, fix: ok ? '' : fix };
}
