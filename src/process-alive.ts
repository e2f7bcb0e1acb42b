/**
 * Is the process with this id running? (A lock's holder, the writer of a
 * temp file left behind.) EPERM means it runs as someone else: alive.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
