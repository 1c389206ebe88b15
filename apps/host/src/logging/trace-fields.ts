import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The active span's ids for a log line (pino `mixin`), named as OpenTelemetry's log data model and pino's own
 * instrumentation name them, so a log backend links the line to its trace. Nothing while no SDK is registered.
 */
export function traceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: spanContext.traceFlags.toString(16).padStart(2, '0'),
  };
}
