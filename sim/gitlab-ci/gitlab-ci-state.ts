import { randomBytes } from 'node:crypto';
import type { SimClock } from '../common/sim-clock';
import {
  conflict,
  forbidden,
  invalidRecord,
  missingParam,
  notFound,
  unauthorized,
} from './gitlab-ci-errors';
import {
  MAINTAINER,
  type GitlabApiVariable,
  type GitlabCiCall,
  type GitlabCiSeed,
  type GitlabCiVariableSeed,
} from './gitlab-ci.types';

const MAX_CALLS = 1000;
/** Ci::Maskable: an expanded masked value; and the looser rule for a raw one. */
const MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
const MASKABLE_RAW = /^\S{8,}$/;
const KEY = /^[a-zA-Z0-9_]+$/;

interface Variable {
  key: string;
  value: string;
  variableType: 'env_var' | 'file';
  protected: boolean;
  masked: boolean;
  raw: boolean;
  environmentScope: string;
  description: string | null;
}

interface Project {
  id: number;
  path: string;
  variables: Variable[];
}

interface Token {
  secret: string;
  username: string;
  /** Project id → access level. */
  access: Map<number, number>;
  revoked: boolean;
}

export interface Caller {
  token: Token;
}

type Fields = Record<string, unknown>;

export function newGitlabToken(): string {
  return `glpat-${randomBytes(15).toString('base64url')}`;
}

function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  return value === true || value === 'true';
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function toApi(variable: Variable): GitlabApiVariable {
  return {
    variable_type: variable.variableType,
    key: variable.key,
    value: variable.value,
    protected: variable.protected,
    masked: variable.masked,
    hidden: false,
    raw: variable.raw,
    environment_scope: variable.environmentScope,
    description: variable.description,
  };
}

/** The model's validations, in GitLab's order and words; all errors at once, as ActiveRecord. */
function validate(variable: Variable): void {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if (variable.key.length > 255) add('key', 'is too long (maximum is 255 characters)');
  if (!KEY.test(variable.key)) add('key', "can contain only letters, digits and '_'.");
  if (variable.masked && !(variable.raw ? MASKABLE_RAW : MASKABLE).test(variable.value)) {
    add('value', 'is invalid');
  }
  if (Object.keys(errors).length > 0) throw invalidRecord(errors);
}

/**
 * Projects, their CI/CD variables and the tokens that may touch them. Variables are unique by
 * (key, environment scope): one key can hold a value per environment.
 */
export class GitlabCiState {
  private readonly projects: Project[] = [];
  private readonly tokens: Token[] = [];
  private readonly log: GitlabCiCall[] = [];

  constructor(
    private readonly clock: SimClock,
    seed: GitlabCiSeed,
  ) {
    for (const project of seed.projects ?? []) {
      this.projects.push({
        id: project.id,
        path: project.pathWithNamespace,
        variables: (project.variables ?? []).map((v) => this.fromSeed(v)),
      });
    }
    for (const token of seed.tokens ?? []) {
      this.addToken(token.username, token.projects ?? {}, token.secret, token.revoked === true);
    }
  }

  addToken(
    username: string,
    projects: Record<string, number>,
    secret = newGitlabToken(),
    revoked = false,
  ): string {
    const access = new Map<number, number>();
    for (const [ref, level] of Object.entries(projects)) {
      const project = this.lookup(ref);
      if (project === undefined) throw new Error(`no project ${ref}`);
      access.set(project.id, level);
    }
    this.tokens.push({ secret, username, access, revoked });
    return secret;
  }

  revokeToken(secret: string): void {
    const token = this.tokens.find((candidate) => candidate.secret === secret);
    if (token === undefined) throw new Error('no such token');
    token.revoked = true;
  }

  /** PRIVATE-TOKEN first, then an OAuth bearer, as GitLab's API guard reads them. */
  authenticate(
    privateToken: string | undefined,
    authorization: string | undefined,
    route: string,
    method: string,
    path: string,
  ): Caller {
    const secret =
      privateToken !== undefined && privateToken !== ''
        ? privateToken
        : (/^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null);
    const token =
      secret === null ? undefined : this.tokens.find((candidate) => candidate.secret === secret);
    const accepted = token !== undefined && !token.revoked;
    this.log.push({ at: this.clock.now().toISOString(), route, method, path, secret, accepted });
    if (this.log.length > MAX_CALLS) this.log.shift();
    if (token === undefined || token.revoked) throw unauthorized();
    return { token };
  }

  /** A project the caller may manage variables of: 404 if it cannot see it, 403 below Maintainer. */
  project(caller: Caller, ref: string): Project {
    const project = this.lookup(ref);
    const level = project === undefined ? undefined : caller.token.access.get(project.id);
    if (project === undefined || level === undefined) throw notFound('Project');
    if (level < MAINTAINER) throw forbidden();
    return project;
  }

  /** The project as its owner sees it in the web page: no token involved. */
  projectForDashboard(ref: string): Project {
    const project = this.lookup(ref);
    if (project === undefined) throw notFound('Project');
    return project;
  }

  list(project: Project): GitlabApiVariable[] {
    return project.variables.map(toApi);
  }

  get(project: Project, key: string, scope: string | null): GitlabApiVariable {
    return toApi(this.find(project, key, scope));
  }

  create(project: Project, fields: Fields): GitlabApiVariable {
    const key = text(fields.key);
    if (key === undefined) throw missingParam('key');
    const value = text(fields.value);
    if (value === undefined) throw missingParam('value');
    const variable: Variable = {
      key,
      value,
      variableType: fields.variable_type === 'file' ? 'file' : 'env_var',
      protected: flag(fields.protected, false),
      masked: flag(fields.masked, false),
      raw: flag(fields.raw, false),
      environmentScope: text(fields.environment_scope) ?? '*',
      description: text(fields.description) ?? null,
    };
    validate(variable);
    const taken = project.variables.some(
      (v) => v.key === key && v.environmentScope === variable.environmentScope,
    );
    if (taken) throw invalidRecord({ key: [`(${key}) has already been taken`] });
    project.variables.push(variable);
    return toApi(variable);
  }

  update(project: Project, key: string, scope: string | null, fields: Fields): GitlabApiVariable {
    const variable = this.find(project, key, scope);
    const value = text(fields.value);
    if (value === undefined) throw missingParam('value');
    const next: Variable = {
      ...variable,
      value,
      variableType:
        fields.variable_type === 'file' || fields.variable_type === 'env_var'
          ? fields.variable_type
          : variable.variableType,
      protected: flag(fields.protected, variable.protected),
      masked: flag(fields.masked, variable.masked),
      raw: flag(fields.raw, variable.raw),
      environmentScope: text(fields.environment_scope) ?? variable.environmentScope,
      description:
        fields.description === undefined
          ? variable.description
          : (text(fields.description) ?? null),
    };
    validate(next);
    const clash = project.variables.some(
      (v) => v !== variable && v.key === next.key && v.environmentScope === next.environmentScope,
    );
    if (clash) throw invalidRecord({ key: [`(${next.key}) has already been taken`] });
    Object.assign(variable, next);
    return toApi(variable);
  }

  remove(project: Project, key: string, scope: string | null): void {
    const variable = this.find(project, key, scope);
    project.variables.splice(project.variables.indexOf(variable), 1);
  }

  // ---- Inspection ------------------------------------------------------------------------------

  variable(projectRef: string, key: string, scope: string): GitlabApiVariable | undefined {
    const project = this.lookup(projectRef);
    const found = project?.variables.find((v) => v.key === key && v.environmentScope === scope);
    return found === undefined ? undefined : toApi(found);
  }

  variables(projectRef: string): GitlabApiVariable[] {
    const project = this.lookup(projectRef);
    return project === undefined ? [] : project.variables.map(toApi);
  }

  calls(): GitlabCiCall[] {
    return [...this.log];
  }

  summary(): { projects: Array<{ id: number; path: string; variables: number }> } {
    return {
      projects: this.projects.map((p) => ({
        id: p.id,
        path: p.path,
        variables: p.variables.length,
      })),
    };
  }

  /** A key present in several scopes needs the filter: GitLab refuses to guess. */
  private find(project: Project, key: string, scope: string | null): Variable {
    const matches = project.variables.filter(
      (v) => v.key === key && (scope === null || v.environmentScope === scope),
    );
    if (matches.length > 1) {
      throw conflict(
        "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
      );
    }
    const [variable] = matches;
    if (variable === undefined) throw notFound('Variable');
    return variable;
  }

  /** By numeric id or by full path (case-insensitive), as `:id` accepts both. */
  private lookup(ref: string): Project | undefined {
    if (/^\d+$/.test(ref)) return this.projects.find((p) => p.id === Number(ref));
    return this.projects.find((p) => p.path.toLowerCase() === ref.toLowerCase());
  }

  private fromSeed(seed: GitlabCiVariableSeed): Variable {
    const variable: Variable = {
      key: seed.key,
      value: seed.value,
      variableType: seed.variableType ?? 'env_var',
      protected: seed.protected ?? false,
      masked: seed.masked ?? false,
      raw: seed.raw ?? false,
      environmentScope: seed.environmentScope ?? '*',
      description: null,
    };
    validate(variable);
    return variable;
  }
}
