import { loadLibrary } from '../load-library.js';
import type { Context } from './context.js';

/** Reports progress of a long synchronous job; a no-op unless a bar is showing. */
export type Progress = (done: number) => void;

/**
 * A progress bar on stderr that appears only on a terminal, and only once the
 * job has run for about a second (quick imports stay quiet). cli-progress is
 * loaded up front when stderr is a terminal, because the job that reports
 * progress runs synchronously and cannot wait for an import.
 */
export async function progressBar(
  ctx: Context,
  total: number,
  label: string,
): Promise<{ tick: Progress; stop(): void }> {
  if (ctx.io.stderr.isTTY !== true || total < 1000)
    return { tick: () => undefined, stop: () => undefined };
  const { SingleBar } = loadLibrary('cli-progress') as typeof import('cli-progress');
  const started = Date.now();
  let bar: InstanceType<typeof SingleBar> | null = null;
  return {
    tick: (done) => {
      if (!bar && Date.now() - started < 1000) return;
      if (!bar) {
        bar = new SingleBar({
          format: `${label} [{bar}] {value}/{total}`,
          stream: ctx.promptOutput(),
          clearOnComplete: true,
          hideCursor: true,
          noTTYOutput: false,
        });
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
