/**
 * The build's phase timer, printed for `npm run bench` when AUSHANG_TIMINGS is set: each phase
 * is the milliseconds since the previous one ended (or since `restart`). Both processes of a
 * build keep one (src/cli/build.ts, src/cli/build-pages.ts).
 */
export interface PhaseClock {
  /** Milliseconds per phase, in the order the phases ended. */
  readonly phases: Record<string, number>;
  /** Ends the phase `name` now; the next one starts. */
  done(name: string): void;
  /** The next phase starts now (time in between, e.g. another process's phases, is not counted). */
  restart(): void;
}

export function phaseClock(): PhaseClock {
  const phases: Record<string, number> = {};
  let start = performance.now();
  return {
    phases,
    done(name) {
      const now = performance.now();
      phases[name] = Math.round(now - start);
      start = now;
    },
    restart() {
      start = performance.now();
    },
  };
}
