/**
 * Wait without giving up the thread: for the few places that poll a file or
 * retry a lock in otherwise synchronous code (opening a journal, sync's lock
 * and push).
 */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
