export { classifyFetchFailure } from './classify-fetch-failure';
export { createHttpTransport, type HttpTransport, type HttpTransportOptions } from './create-http-transport';
export { httpStatusError } from './http-status-error';
export type {
  HttpErrorEvent,
  HttpHooks,
  HttpMethod,
  HttpRequest,
  HttpRequestEvent,
  HttpResponse,
  HttpResponseEvent,
  PreparedAttempt,
} from './http-types';
export { isJsonNumberText, JsonNumberLiteral } from './json-number-literal';
export { parseJsonResponse } from './parse-json-response';
export { quoteJsonNumbers } from './quote-json-numbers';
export {
  type LosslessJsonValue,
  type StringifyLosslessJsonOptions,
  stringifyLosslessJson,
} from './stringify-lossless-json';
