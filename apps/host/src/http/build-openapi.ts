import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import {
  createRefundBodySchema,
  errorBodySchema,
  listRefundsQuerySchema,
  refundViewSchema,
} from './api-schemas';

// Pipes that only restrict strings convert exactly; the descriptions come across as documentation.
const jsonSchema = (schema: GenericSchema) => {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema, { errorMode: 'ignore' }) as Record<
    string,
    unknown
  >;
  return rest;
};

/** The OpenAPI document, generated from the same valibot schemas that validate requests. */
export function buildOpenApi(version: string) {
  const errors = { description: 'An error naming what to fix', content: json('ErrorBody') };
  const refund = { description: 'The refund', content: json('Refund') };
  const listParameters = Object.keys(listRefundsQuerySchema.entries).map((name) => ({
    name,
    in: 'query',
    required: false,
    schema: { type: 'string' },
  }));
  return {
    openapi: '3.1.0',
    info: { title: 'refunds host', version },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CreateRefund: jsonSchema(createRefundBodySchema),
        Refund: jsonSchema(refundViewSchema),
        ErrorBody: jsonSchema(errorBodySchema),
      },
    },
    security: [{ apiKey: [] }],
    paths: {
      '/v1/refunds': {
        post: {
          summary: 'Refund a payment, exactly once per refundId',
          requestBody: { required: true, content: json('CreateRefund') },
          responses: {
            '201': refund,
            '200': { description: 'The same refund, for a repeated request' },
            '202': { description: 'An identical request is still in flight' },
            '400': errors,
            '409': errors,
            '422': errors,
          },
        },
        get: {
          summary: 'List refunds, newest first, with cursor pagination',
          parameters: listParameters,
          responses: { '200': { description: '{ refunds, nextCursor }' }, '422': errors },
        },
      },
      '/v1/refunds/{refundId}': {
        get: {
          summary: 'One refund',
          parameters: [pathParameter('refundId')],
          responses: { '200': refund, '404': errors },
        },
      },
      '/v1/refunds/{refundId}/sync': {
        post: {
          summary: 'Ask the provider about the refund now',
          parameters: [pathParameter('refundId')],
          responses: { '200': refund, '404': errors },
        },
      },
      '/v1/notifications/{account}': {
        post: {
          summary: "A provider's refund notification, authenticated by the provider's signature",
          security: [],
          parameters: [pathParameter('account')],
          responses: { '200': { description: 'The acknowledgement the provider expects' }, '401': errors },
        },
      },
      '/v1/accounts': {
        get: {
          summary: 'Configured accounts and their capabilities',
          responses: { '200': { description: 'Accounts' } },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness', security: [], responses: { '200': { description: 'Alive' } } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: the ledger answers',
          security: [],
          responses: { '200': { description: 'Ready' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          security: [],
          responses: { '200': { description: 'Text format' } },
        },
      },
    },
  };
}

function json(schema: string) {
  return { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } };
}

function pathParameter(name: string) {
  return { name, in: 'path', required: true, schema: { type: 'string' } };
}
