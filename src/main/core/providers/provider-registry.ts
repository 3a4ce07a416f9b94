import { AppError } from '../../../shared/errors';
import type { ProviderInfo, ProviderKind } from '../../../shared/model';
import type { ProviderAdapter } from './provider-adapter';

export class ProviderRegistry {
  private readonly byKind: Map<ProviderKind, ProviderAdapter>;

  constructor(adapters: readonly ProviderAdapter[]) {
    this.byKind = new Map(adapters.map((adapter) => [adapter.info.kind, adapter]));
  }

  find(kind: ProviderKind): ProviderAdapter | undefined {
    return this.byKind.get(kind);
  }

  get(kind: ProviderKind): ProviderAdapter {
    const adapter = this.byKind.get(kind);
    if (!adapter) throw new AppError('UNSUPPORTED', `TokenDesk has no support for ${kind} yet.`);
    return adapter;
  }

  list(): ProviderInfo[] {
    return [...this.byKind.values()].map((adapter) => adapter.info);
  }
}
