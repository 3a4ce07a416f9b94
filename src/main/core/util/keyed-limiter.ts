interface Waiting {
  key: string;
  start: () => void;
}

/**
 * Runs tasks with at most `perKey` at once for the same key (a service's origin) and at most
 * `total` at once overall: polite to each service, and as wide as the network allows across
 * many. Waiting tasks start in the order they came, skipping those whose key is busy.
 */
export class KeyedLimiter {
  private running = 0;
  private readonly runningByKey = new Map<string, number>();
  private readonly waiting: Waiting[] = [];

  constructor(
    private readonly perKey: number,
    private readonly total: number,
  ) {}

  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const start = (): void => {
        this.running += 1;
        this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => this.release(key));
      };
      if (this.hasRoomFor(key)) start();
      else this.waiting.push({ key, start });
    });
  }

  private hasRoomFor(key: string): boolean {
    return this.running < this.total && (this.runningByKey.get(key) ?? 0) < this.perKey;
  }

  private release(key: string): void {
    this.running -= 1;
    const left = (this.runningByKey.get(key) ?? 1) - 1;
    if (left === 0) this.runningByKey.delete(key);
    else this.runningByKey.set(key, left);
    for (let i = 0; i < this.waiting.length && this.running < this.total;) {
      const next = this.waiting[i] as Waiting;
      if (this.hasRoomFor(next.key)) {
        this.waiting.splice(i, 1);
        next.start();
      } else {
        i += 1;
      }
    }
  }
}
