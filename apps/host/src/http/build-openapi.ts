import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import {
  createRefundBodySchema,
  errorBodySchema,
  listRefundsQuerySchema,
  refundCountsSchema,
  refundEventSchema,
  refundViewSchema,
  resendRefundBodySchema,
  resolveRefundBodySchema,
} from './api-schemas';
import { webhookDeliveriesSchema, webhookDeliverySchema } from './webhook-schemas';

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
  const forbidden = {
    description: "The key's role does not allow this; the error names the role needed",
    content: json('ErrorBody'),
  };
  const unauthorized = { description: 'No valid API key', content: json('ErrorBody') };
  const listQuery = jsonSchema(listRefundsQuerySchema) as {
    properties: Record<string, { description?: string }>;
  };
  const listParameters = Object.entries(listQuery.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    ...(schema.description ? { description: schema.description } : {}),
    schema,
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
        ResolveRefund: jsonSchema(resolveRefundBodySchema),
        ResendRefund: jsonSchema(resendRefundBodySchema),
        RefundCounts: jsonSchema(refundCountsSchema),
        RefundEvent: jsonSchema(refundEventSchema),
        WebhookDelivery: jsonSchema(webhookDeliverySchema),
        WebhookDeliveries: jsonSchema(webhookDeliveriesSchema),
        RefundList: {
          type: 'object',
          properties: {
            refunds: { type: 'array', items: { $ref: '#/components/schemas/Refund' } },
            nextCursor: { type: ['string', 'null'] },
          },
          required: ['refunds', 'nextCursor'],
        },
        RefundEvents: {
          type: 'object',
          properties: { events: { type: 'array', items: { $ref: '#/components/schemas/RefundEvent' } } },
          required: ['events'],
        },
      },
    },
    security: [{ apiKey: [] }],
    tags: [
      { name: 'refunds', description: 'Create, read and sync refunds: service keys (viewers read only)' },
      { name: 'operators', description: 'Decide refunds in needs_attention: operator keys only' },
      { name: 'webhooks', description: 'The signed webhooks sent to your endpoints when refunds change' },
      { name: 'host', description: 'Health, metrics, accounts and these docs' },
    ],
    paths: {
      '/v1/refunds': {
        post: {
          summary: 'Refund a payment, exactly once per refundId',
          description: 'Role: service or operator. The API key name is recorded as the actor.',
          tags: ['refunds'],
          requestBody: { required: true, content: json('CreateRefund') },
          responses: {
            '201': refund,
            '200': { description: 'The same refund, for a repeated request', content: json('Refund') },
            '202': { description: 'An identical request is still in flight', content: json('Refund') },
            '400': errors,
            '401': unauthorized,
            '403': forbidden,
            '409': errors,
            '422': errors,
          },
        },
        get: {
          summary: 'List refunds, newest (or oldest) first, with cursor pagination',
          description: "Any role. Pass the previous page's nextCursor with the same filters and order.",
          tags: ['refunds'],
          parameters: listParameters,
          responses: {
            '200': { description: 'A page of refunds', content: json('RefundList') },
            '401': unauthorized,
            '422': errors,
          },
        },
      },
      '/v1/refunds/{refundId}': {
        get: {
          summary: 'One refund',
          tags: ['refunds'],
          parameters: [pathParameter('refundId')],
          responses: { '200': refund, '401': unauthorized, '404': errors },
        },
      },
      '/v1/refunds/{refundId}/events': {
        get: {
          summary: "The refund's history, oldest first: every event with its actor and redacted evidence",
          tags: ['refunds'],
          parameters: [pathParameter('refundId')],
          responses: {
            '200': { description: 'Events', content: json('RefundEvents') },
            '401': unauthorized,
            '404': errors,
          },
        },
      },
      '/v1/refunds/{refundId}/deliveries': {
        get: {
          summary: "The webhooks the refund's changes sent, oldest event first, each with every attempt",
          tags: ['webhooks'],
          parameters: [pathParameter('refundId')],
          responses: {
            '200': { description: 'Deliveries', content: json('WebhookDeliveries') },
            '401': unauthorized,
            '404': errors,
          },
        },
      },
      '/v1/webhook-deliveries/{deliveryId}/redeliver': {
        post: {
          summary: 'Post a delivery again now, with the same webhook-id, whatever its state',
          description:
            'Role: operator. Retried as a new delivery would be, for the configured give-up time from now. The key name is recorded in the refund events.',
          tags: ['webhooks'],
          parameters: [pathParameter('deliveryId')],
          responses: {
            '202': {
              description: 'Scheduled: the delivery as it now stands',
              content: json('WebhookDelivery'),
            },
            '401': unauthorized,
            '403': forbidden,
            '404': errors,
          },
        },
      },
      '/v1/refunds/{refundId}/sync': {
        post: {
          summary: 'Ask the provider about the refund now',
          description: 'Role: service or operator. Events it writes record the key name as the actor.',
          tags: ['refunds'],
          parameters: [pathParameter('refundId')],
          responses: { '200': refund, '401': unauthorized, '403': forbidden, '404': errors, '409': errors },
        },
      },
      '/v1/refunds/{refundId}/resolve': {
        post: {
          summary: 'Decide a refund in needs_attention: succeeded or failed, with a reason',
          description:
            'Role: operator. Only from needs_attention (409 names the current state). A refund resolved failed frees its order for another refund. The key name and the reason are recorded in the events.',
          tags: ['operators'],
          parameters: [pathParameter('refundId')],
          requestBody: { required: true, content: json('ResolveRefund') },
          responses: {
            '200': refund,
            '400': errors,
            '401': unauthorized,
            '403': forbidden,
            '404': errors,
            '409': errors,
            '422': errors,
          },
        },
      },
      '/v1/refunds/{refundId}/resend': {
        post: {
          summary: 'Send a refund in needs_attention again, only if the provider shows no such refund',
          description:
            'Role: operator. The provider is asked first, in the same request; if it shows the refund nothing is sent and the answer is 409 with what it showed (also recorded). Otherwise the refund is sent again under the same refundId.',
          tags: ['operators'],
          parameters: [pathParameter('refundId')],
          requestBody: { required: true, content: json('ResendRefund') },
          responses: {
            '200': { description: 'Sent again: the refund as it now stands', content: json('Refund') },
            '400': errors,
            '401': unauthorized,
            '403': forbidden,
            '404': errors,
            '409': {
              description:
                'Not in needs_attention, busy, or the provider shows the refund: then `providerShows` holds what it showed and `refund` the refund',
            },
            '422': errors,
            '503': errors,
          },
        },
      },
      '/v1/counts': {
        get: {
          summary: 'How many refunds each account has in each state',
          tags: ['refunds'],
          responses: {
            '200': { description: 'Counts', content: json('RefundCounts') },
            '401': unauthorized,
          },
        },
      },
      '/v1/notifications/{account}': {
        post: {
          summary: "A provider's refund notification, authenticated by the provider's signature",
          tags: ['host'],
          security: [],
          parameters: [pathParameter('account')],
          responses: { '200': { description: 'The acknowledgement the provider expects' }, '401': errors },
        },
      },
      '/v1/accounts': {
        get: {
          summary: 'Configured accounts and their capabilities',
          tags: ['host'],
          responses: { '200': { description: 'Accounts' }, '401': unauthorized },
        },
      },
      '/healthz': {
        get: {
          summary: 'Liveness',
          tags: ['host'],
          security: [],
          responses: { '200': { description: 'Alive' } },
        },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: the ledger answers',
          tags: ['host'],
          security: [],
          responses: { '200': { description: 'Ready' } },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics',
          description:
            'Any role. Its labels name the configured accounts, so it needs an API key unless the host runs with REFUNDS_METRICS_PUBLIC=true.',
          tags: ['host'],
          responses: { '200': { description: 'Text format' }, '401': unauthorized },
        },
      },
      '/openapi.json': {
        get: {
          summary: 'This document',
          tags: ['host'],
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1' } },
        },
      },
      '/docs': {
        get: {
          summary: 'This document as a page, served by the host itself (no CDN)',
          tags: ['host'],
          security: [],
          responses: { '200': { description: 'HTML' } },
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
