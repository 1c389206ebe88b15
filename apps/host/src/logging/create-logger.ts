import type { Redactor } from '@refunds/core';
import pino, { type DestinationStream, type Logger } from 'pino';
import { traceFields } from './trace-fields';

export interface LoggerOptions {
  level?: string;
  redactor: Redactor;
  /** Defaults to stdout. Tests pass a stream to read what was written. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs in which every object and message passes through the host's redactor, so a secret
 * that reaches a log call by any path still never reaches the output. Each line carries the active trace's ids.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { redactor } = options;
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'refunds-host' },
      // The trace and span ids of the request or job the line belongs to, when an OpenTelemetry SDK is registered.
      mixin: traceFields,
      formatters: { log: (object) => redactor.value(object) as Record<string, unknown> },
      hooks: {
        logMethod(parameters, method) {
          method.apply(
            this,
            parameters.map((parameter) =>
              typeof parameter === 'string' ? redactor.text(parameter) : parameter,
            ) as Parameters<typeof method>,
          );
        },
      },
    },
    options.destination,
  );
}
