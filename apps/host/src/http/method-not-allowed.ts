import type { MiddlewareHandler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { errorResponse } from './error-response';

interface PathMethods {
  pattern: RegExp;
  methods: Set<string>;
}

/**
 * Answers 405 with `Allow` when the path is one the app serves but not with this method (PUT on a refund, say),
 * before any key is asked for: which methods a path takes is public (the OpenAPI document lists them). Read from
 * the app's own routes on first use, so a route added anywhere is covered without being listed here.
 */
export function methodNotAllowed(routesOf: () => readonly RouterRoute[]): MiddlewareHandler {
  let table: PathMethods[] | undefined;
  return async (context, next) => {
    table ??= buildTable(routesOf());
    const path = context.req.path;
    const allowed = new Set<string>();
    for (const entry of table) {
      if (entry.pattern.test(path)) for (const method of entry.methods) allowed.add(method);
    }
    // No route for this path at all, or one that takes every method: routing (and its 404) decides.
    if (allowed.size === 0 || allowed.has('ALL')) return next();
    // Hono answers HEAD with the GET route, without its body.
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(context.req.method)) return next();
    const allow = [...allowed].sort().join(', ');
    context.header('allow', allow);
    return errorResponse(
      context,
      405,
      'method_not_allowed',
      `${context.req.method} is not allowed here; this path takes ${allow}.`,
    );
  };
}

function buildTable(routes: readonly RouterRoute[]): PathMethods[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    // `ALL /*`-style entries are middleware (`use`), not routes a request can be answered by.
    if (route.method === 'ALL' && route.path.includes('*')) continue;
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
}

/** Hono's path syntax (`:name`, `:name{regex}`, `*`) as a regular expression over the request path. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => {
      // An optional parameter (`:name?`) is not matched: such a path is left to routing and its 404.
      const parameter = /^:\w+(?:\{(.+)\})?$/.exec(segment);
      if (parameter) return `(?:${parameter[1] ?? '[^/]+'})`;
      if (segment === '*') return '.*';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}
