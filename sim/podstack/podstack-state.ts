import { randomBytes } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import { invalidToken, missingToken, projectDenied } from './podstack-errors';
import { PodstackTokens } from './podstack-tokens';
import type { PodstackTokenRecord } from './podstack-tokens';
import type {
  PodstackAccountSeed,
  PodstackCall,
  PodstackPod,
  PodstackProjectSeed,
  PodstackSeed,
} from './podstack.types';

const MAX_CALLS = 1000;

interface Project {
  id: string;
  name: string;
  accountId: string;
  pods: PodstackPod[];
}

export interface PodstackAccount {
  id: string;
  email: string;
  projects: Project[];
}

/** The rules of Podstack's API, without HTTP: accounts own projects and tokens. */
export class PodstackState {
  readonly tokens: PodstackTokens;
  private readonly accounts = new Map<string, PodstackAccount>();
  private readonly projects = new Map<string, Project>();
  private readonly log: PodstackCall[] = [];

  constructor(
    private readonly clock: SimClock,
    seed: PodstackSeed = {},
  ) {
    this.tokens = new PodstackTokens(clock);
    for (const account of seed.accounts ?? []) this.seedAccount(account);
  }

  now(): Date {
    return this.clock.now();
  }

  /**
   * `Authorization: Bearer <token>` must name a live token: not revoked, not past its expiry.
   * Every accepted call moves the token's Last Used, whatever the route answers afterwards.
   */
  authenticate(
    secret: string | null,
    record: PodstackTokenRecord | undefined,
    now: Date,
  ): PodstackTokenRecord {
    if (secret === null) throw missingToken();
    if (record === undefined || this.tokens.statusOf(record, now) !== 'active') {
      throw invalidToken();
    }
    record.lastUsedAt = now;
    return record;
  }

  /**
   * The pods a token sees. Tokens are "scoped to your account" (docs), so `X-Project-ID` may
   * name any project of the token's account; without it the SDK's `pods.list()` lists them all.
   * A project of another account, or none at all, is a PermissionError, not a 404, so that
   * project ids of other accounts cannot be probed.
   */
  listPods(caller: PodstackTokenRecord, projectId: string | null): PodstackPod[] {
    const account = this.accountOf(caller.accountId);
    if (projectId === null) {
      return account.projects.flatMap((project) => project.pods);
    }
    const project = this.projects.get(projectId);
    if (project === undefined || project.accountId !== account.id) throw projectDenied(projectId);
    return project.pods;
  }

  accountOf(accountId: string): PodstackAccount {
    const account = this.accounts.get(accountId);
    if (account === undefined) throw new SimHttpError(404, `No account "${accountId}"`);
    return account;
  }

  remember(call: PodstackCall): void {
    this.log.push(call);
    if (this.log.length > MAX_CALLS) this.log.shift();
  }

  calls(): PodstackCall[] {
    return [...this.log];
  }

  summary(): {
    accounts: { id: string; email: string; projects: { id: string; name: string }[] }[];
  } {
    return {
      accounts: [...this.accounts.values()].map((account) => ({
        id: account.id,
        email: account.email,
        projects: account.projects.map(({ id, name }) => ({ id, name })),
      })),
    };
  }

  private seedAccount(seed: PodstackAccountSeed): void {
    if (this.accounts.has(seed.id)) throw new Error(`seed: account ${seed.id} appears twice`);
    const account: PodstackAccount = {
      id: seed.id,
      email: seed.email ?? `${seed.id}@example.com`,
      projects: [],
    };
    this.accounts.set(account.id, account);
    for (const project of seed.projects ?? []) this.seedProject(account, project);
    for (const token of seed.tokens ?? []) this.tokens.seed(account.id, token);
  }

  private seedProject(account: PodstackAccount, seed: PodstackProjectSeed): void {
    if (this.projects.has(seed.id)) throw new Error(`seed: project ${seed.id} appears twice`);
    const createdAt = this.clock.now().toISOString();
    const project: Project = {
      id: seed.id,
      name: seed.name ?? seed.id,
      accountId: account.id,
      pods: (seed.pods ?? []).map((pod) => ({
        id: `pod-${randomBytes(4).toString('hex')}`,
        name: pod.name,
        status: pod.status ?? 'running',
        gpu_type: pod.gpuType ?? 'A100',
        gpu_count: pod.gpuCount ?? 1,
        labels: pod.labels ?? {},
        project_id: seed.id,
        created_at: createdAt,
      })),
    };
    this.projects.set(project.id, project);
    account.projects.push(project);
  }
}
