import { SimHttpError } from './sim-error';
import type { SimMethod, SimRoute } from './sim-types';

export interface RouteMatch {
  route: SimRoute;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: SimRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: SimRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new SimHttpError(400, 'Malformed path');
  }
}

export type RouteMatcher = (method: SimMethod, path: string) => RouteMatch | null;

export function createRouteMatcher(routes: readonly SimRoute[]): RouteMatcher {
  const compiled = routes.map(compile);
  return (method: SimMethod, path: string): RouteMatch | null => {
    for (const { route, pattern, names } of compiled) {
      if (route.method !== method) continue;
      const match = pattern.exec(path);
      if (match === null) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = decodeSegment(match[index + 1] ?? '');
      });
      return { route, params };
    }
    return null;
  };
}
