import { type Tracer, trace } from '@opentelemetry/api';

/**
 * The host's tracer, looked up at each use: `@opentelemetry/api` hands out a no-op until the operator registers
 * an SDK (`node --import ./tracing.mjs`), and a lookup made before that must not stay a no-op after it.
 */
export function hostTracer(): Tracer {
  return trace.getTracer('@refunds/host');
}
