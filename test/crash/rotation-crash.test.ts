/**
 * The crash harness: runs the core in a child process (rotation-worker.ts), SIGKILLs it at every
 * step boundary of a rotation and in the middle of every service call, starts it again to
 * recover, and checks the invariants (crash-invariants.ts) against the simulator, the real
 * keychain and the data dir.
 *
 * Kill points are not listed by hand: a clean, traced run reports every checkpoint it passes
 * (`<step>:started`, `<step>:done`, `call:<operation>`, …) and each one becomes a trial. A
 * `call:` point yields two trials: killed just before the request, and killed while the service
 * holds the request open (the simulator's "timeout" failure on that route). Chosen points also
 * get a second crash at every checkpoint of the recovery run that follows.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../src/main/core/util/concurrency';
import { KeytarSecretStore } from '../../src/main/platform/keytar-secret-store';
import type { SimServer } from '../../sim/common/sim-types';
import {
  crashScenarios,
  type CrashScenario,
  type CrashWorld,
  type HangRoute,
  type ServiceOperation,
} from './crash-scenarios';
import { invariantViolations } from './crash-invariants';
import { WorkerProcess, type WorkerEnv } from './worker-process';

/** The machine has two cores; each trial is a chain of child processes. */
const PARALLEL_TRIALS = 2;
const HANG_WAIT_MS = 20_000;

interface Kill {
  /** `<checkpoint>#<n>`. */
  point: string;
  /** Kill while this simulator route holds the request open, rather than just before it. */
  hangRoute?: HangRoute;
}

function hangSim(world: CrashWorld, hang: HangRoute): SimServer {
  if (typeof hang === 'string') return world.sim;
  const sim = world.publishSims?.[hang.sim];
  if (sim === undefined) throw new Error(`no ${hang.sim} simulator in this world`);
  return sim;
}

const routeOf = (hang: HangRoute): string => (typeof hang === 'string' ? hang : hang.route);

type Plan = Kill[];

const totals = { tried: 0, violations: 0 };

function envOf(world: CrashWorld, action: WorkerEnv['action']): WorkerEnv {
  return {
    dataDir: world.dataDir,
    keychainService: world.keychainService,
    simUrl: world.sim.url,
    action,
    accountId: world.accountId,
    tokenId: world.oldTokenId,
    ...(world.guidedUser === undefined ? {} : { guidedUser: world.guidedUser }),
  };
}

function label(plan: Plan): string {
  return plan
    .map((k) => (k.hangRoute === undefined ? k.point : `${k.point} (in ${routeOf(k.hangRoute)})`))
    .join(' → ');
}

function tracedPoints(worker: WorkerProcess): string[] {
  return worker.messages.flatMap((m) => ('checkpoint' in m ? [`${m.checkpoint}#${m.nth}`] : []));
}

/** Waits until the simulator holds a request open, or the worker ended without sending one. */
async function untilHanging(sim: SimServer, worker: WorkerProcess): Promise<boolean> {
  let ended = false;
  void worker.exited().then(() => {
    ended = true;
  });
  for (let waited = 0; waited < HANG_WAIT_MS; waited += 20) {
    if (sim.state().hanging > 0) return true;
    if (ended) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** One trial: fresh world, the kills in order, a final undisturbed recovery, the invariants. */
async function runPlan(scenario: CrashScenario, plan: Plan): Promise<string[]> {
  const world = await scenario.setUp();
  const secrets = new KeytarSecretStore(world.keychainService);
  const problems: string[] = [];
  try {
    for (const [index, kill] of plan.entries()) {
      const worker = new WorkerProcess({
        ...envOf(world, index === 0 ? 'rotate' : 'recover'),
        pauseAt: kill.point,
      });
      const stop = await worker.stopped();
      if (stop.kind === 'exited') {
        problems.push(`never reached ${kill.point} (exit ${String(stop.code)}) ${worker.errors()}`);
        return problems;
      }
      if (kill.hangRoute !== undefined) {
        const sim = hangSim(world, kill.hangRoute);
        sim.injectFailure({ route: routeOf(kill.hangRoute), kind: 'timeout' });
        worker.resume();
        if (!(await untilHanging(sim, worker))) {
          problems.push(`the request to ${routeOf(kill.hangRoute)} never reached the service`);
        }
      }
      await worker.kill();
      world.sim.clearFailures();
      for (const sim of Object.values(world.publishSims ?? {})) sim.clearFailures();
    }
    const recovery = new WorkerProcess(envOf(world, 'recover'));
    const { code } = await recovery.exited();
    if (code !== 0) problems.push(`recovery exited ${String(code)}: ${recovery.errors()}`);
    problems.push(...(await invariantViolations(world, secrets)));
  } finally {
    await world.tearDown(secrets);
  }
  return problems;
}

/** The checkpoints of a clean rotation; its end state must hold the invariants too. */
async function traceRotation(
  scenario: CrashScenario,
): Promise<{ points: string[]; problems: string[] }> {
  const world = await scenario.setUp();
  const secrets = new KeytarSecretStore(world.keychainService);
  try {
    const worker = new WorkerProcess({ ...envOf(world, 'rotate'), trace: true });
    const { code } = await worker.exited();
    const problems = code === 0 ? [] : [`the clean run exited ${String(code)}: ${worker.errors()}`];
    problems.push(...(await invariantViolations(world, secrets)));
    return { points: tracedPoints(worker), problems };
  } finally {
    await world.tearDown(secrets);
  }
}

/** The checkpoints a recovery passes after a kill at `first`. */
async function traceRecovery(scenario: CrashScenario, first: string): Promise<string[]> {
  const world = await scenario.setUp();
  const secrets = new KeytarSecretStore(world.keychainService);
  try {
    const worker = new WorkerProcess({ ...envOf(world, 'rotate'), pauseAt: first });
    if ((await worker.stopped()).kind !== 'paused') return [];
    await worker.kill();
    const recovery = new WorkerProcess({ ...envOf(world, 'recover'), trace: true });
    await recovery.exited();
    return tracedPoints(recovery);
  } finally {
    await world.tearDown(secrets);
  }
}

function killsAt(points: readonly string[], scenario: CrashScenario): Kill[] {
  const kills: Kill[] = [];
  for (const point of points) {
    kills.push({ point });
    const call = /^call:([A-Za-z-]+)#/.exec(point);
    const route = call === null ? undefined : scenario.routes[call[1] as ServiceOperation];
    if (route !== undefined) kills.push({ point, hangRoute: route });
  }
  return kills;
}

async function campaign(scenario: CrashScenario) {
  const clean = await traceRotation(scenario);
  const plans: Plan[] = killsAt(clean.points, scenario).map((kill) => [kill]);
  for (const first of scenario.secondCrashAfter) {
    const recoveryPoints = await traceRecovery(scenario, first);
    if (recoveryPoints.length === 0) clean.problems.push(`no recovery trace after ${first}`);
    for (const kill of killsAt(recoveryPoints, scenario)) plans.push([{ point: first }, kill]);
  }
  const results = await mapWithConcurrency(plans, PARALLEL_TRIALS, async (plan) =>
    (await runPlan(scenario, plan)).map((problem) => `${label(plan)}: ${problem}`),
  );
  const violations = [...clean.problems.map((p) => `clean run: ${p}`), ...results.flat()];
  return { tried: plans.length, points: clean.points, violations };
}

describe('rotation survives SIGKILL anywhere', () => {
  afterAll(() => {
    console.log(`kill points tried: ${totals.tried}, invariant violations: ${totals.violations}`);
  });

  for (const scenario of crashScenarios()) {
    if (scenario.unavailable !== null) {
      it.skip(`${scenario.name} (${scenario.unavailable})`, () => undefined);
      continue;
    }
    it(
      scenario.name,
      async () => {
        const report = await campaign(scenario);
        totals.tried += report.tried;
        totals.violations += report.violations.length;
        console.log(
          `[${scenario.name}] kill points tried: ${report.tried}, invariant violations: ${report.violations.length}`,
        );
        for (const violation of report.violations) console.log(`  violation: ${violation}`);
        expect(report.points).toContain('promote:started#1');
        expect(report.tried).toBeGreaterThan(20);
        expect(report.violations).toEqual([]);
      },
      20 * 60_000,
    );
  }
});
