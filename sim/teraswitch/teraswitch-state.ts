import type { SimClock } from '../common/sim-clock';
import { SimHttpError } from '../common/sim-error';
import {
  inactiveToken,
  invalidCredential,
  missingCredential,
  projectDenied,
  roleDenied,
} from './teraswitch-envelope';
import { parseCredential } from './teraswitch-token';
import { TeraswitchTokens } from './teraswitch-tokens';
import type { TeraswitchTokenRecord } from './teraswitch-tokens';
import type {
  TeraswitchCall,
  TeraswitchInstance,
  TeraswitchInvoice,
  TeraswitchProjectSeed,
  TeraswitchSeed,
} from './teraswitch.types';

const DAY_MS = 24 * 3600_000;
const MAX_CALLS = 1000;
const DEFAULT_ACCOUNT_ID = 56789;
const FIRST_INSTANCE_ID = 4400;
const FIRST_INVOICE_ID = 123400;

interface Project {
  id: number;
  name: string;
  instances: TeraswitchInstance[];
}

/** The rules of TeraSwitch's API, without HTTP: one account, its projects, tokens and invoices. */
export class TeraswitchState {
  readonly tokens: TeraswitchTokens;
  readonly accountId: number;
  private readonly projects = new Map<number, Project>();
  private readonly invoices: TeraswitchInvoice[] = [];
  private readonly log: TeraswitchCall[] = [];
  private nextInstanceId = FIRST_INSTANCE_ID;

  constructor(
    private readonly clock: SimClock,
    seed: TeraswitchSeed = {},
  ) {
    this.tokens = new TeraswitchTokens(clock);
    this.accountId = seed.accountId ?? DEFAULT_ACCOUNT_ID;
    for (const project of seed.projects ?? []) this.seedProject(project);
    const now = clock.now().getTime();
    (seed.invoices ?? []).forEach((invoice, index) => {
      const invoiceDate = new Date(now - (invoice.daysAgo ?? 0) * DAY_MS);
      const payBefore = new Date(invoiceDate.getTime() + 14 * DAY_MS);
      const status = invoice.status ?? 'Paid';
      this.invoices.push({
        id: FIRST_INVOICE_ID + index,
        total: invoice.total,
        accountId: this.accountId,
        status,
        dueDate: payBefore.toISOString(),
        datePaid: status === 'Paid' ? invoiceDate.toISOString() : null,
        payBefore: payBefore.toISOString(),
        invoiceDate: invoiceDate.toISOString(),
      });
    });
  }

  now(): Date {
    return this.clock.now();
  }

  /**
   * `Authorization: Bearer tokenId:secret` must name an unrevoked, Active token. Every accepted
   * call records the token's last use (the service exposes none; tests inspect it).
   */
  authenticate(credential: string | null, now: Date): TeraswitchTokenRecord {
    if (credential === null) throw missingCredential();
    const parts = parseCredential(credential);
    const record = parts === null ? undefined : this.tokens.match(parts.tokenId, parts.secret);
    if (record === undefined || record.revokedAt !== null) throw invalidCredential();
    if (record.status !== 'Active') throw inactiveToken();
    record.lastUsedAt = now;
    return record;
  }

  /** The id of the existing token a credential names, right secret or not: for the call log. */
  knownTokenId(credential: string | null): string | null {
    const parts = credential === null ? null : parseCredential(credential);
    if (parts === null) return null;
    return this.tokens.byId(parts.tokenId) === undefined ? null : parts.tokenId;
  }

  /**
   * "You will only receive resources for the project that the API key was created from"; an
   * explicit `ProjectId` of another project is refused rather than silently ignored, so that a
   * wrong project setting in TokenDesk shows up at verify time.
   */
  listInstances(caller: TeraswitchTokenRecord, projectId: number | null): TeraswitchInstance[] {
    if (caller.role !== 'Owner') throw roleDenied(caller.role);
    if (projectId !== null && projectId !== caller.projectId) throw projectDenied();
    return this.projectOf(caller.projectId).instances;
  }

  /** Invoices are the account's; both roles may read billing. */
  listInvoices(): TeraswitchInvoice[] {
    return this.invoices;
  }

  projectOf(projectId: number): Project {
    const project = this.projects.get(projectId);
    if (project === undefined) throw new SimHttpError(404, `No project ${projectId}`);
    return project;
  }

  remember(call: TeraswitchCall): void {
    this.log.push(call);
    if (this.log.length > MAX_CALLS) this.log.shift();
  }

  calls(): TeraswitchCall[] {
    return [...this.log];
  }

  summary(): { accountId: number; projects: { id: number; name: string; instances: number }[] } {
    return {
      accountId: this.accountId,
      projects: [...this.projects.values()].map((project) => ({
        id: project.id,
        name: project.name,
        instances: project.instances.length,
      })),
    };
  }

  private seedProject(seed: TeraswitchProjectSeed): void {
    if (!Number.isInteger(seed.id) || seed.id <= 0)
      throw new Error(`seed: bad project id ${seed.id}`);
    if (this.projects.has(seed.id)) throw new Error(`seed: project ${seed.id} appears twice`);
    const created = this.clock.now().toISOString();
    this.projects.set(seed.id, {
      id: seed.id,
      name: seed.name,
      instances: (seed.instances ?? []).map((instance) => ({
        id: this.nextInstanceId++,
        created,
        deleted: null,
        projectId: seed.id,
        displayName: instance.displayName,
        status: instance.status ?? 'Active',
        regionId: instance.regionId ?? 'PIT1',
        tierId: instance.tierId ?? 'c1.small',
        tags: instance.tags ?? [],
        powerState: 'On',
        ipAddresses: [],
      })),
    });
    for (const token of seed.tokens ?? []) this.tokens.seed(seed.id, token);
  }
}
