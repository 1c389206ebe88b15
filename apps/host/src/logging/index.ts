export { createLogger, type LoggerOptions } from './create-logger';
export { traceFields } from './trace-fields';
