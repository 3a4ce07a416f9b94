import { kestraHostile } from './hostile-profiles';
import { startHostileService, type HostileService } from './hostile-service';

export type HostileKestra = HostileService;

/** A hostile server answering Kestra's token routes, accepting only `credential`. */
export function startHostileKestra(credential: string): Promise<HostileKestra> {
  return startHostileService(kestraHostile, credential);
}
