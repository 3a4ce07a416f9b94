/** The simulator's idea of now: real time plus an offset tests move to make tokens age. */
export interface SimClock {
  now(): Date;
  offsetMs(): number;
  setOffset(ms: number): void;
  advance(ms: number): void;
}

export function createSimClock(initialOffsetMs = 0): SimClock {
  let offset = initialOffsetMs;
  return {
    now: () => new Date(Date.now() + offset),
    offsetMs: () => offset,
    setOffset: (ms) => {
      offset = ms;
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
