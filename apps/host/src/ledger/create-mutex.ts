export interface Mutex {
  /** Runs `work` once every earlier `work` has settled. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

const ignore = (): void => {};

export function createMutex(): Mutex {
  let tail: Promise<void> = Promise.resolve();
  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      const result = tail.then(work);
      tail = result.then(ignore, ignore);
      return result;
    },
  };
}
