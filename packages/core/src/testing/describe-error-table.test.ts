import { defineErrorTable } from '../errors/error-table';
import { refundErrorFromTable } from '../kit/refund-error-from-table';
import { describeErrorTable } from './describe-error-table';

const table = defineErrorTable({
  used: {
    code: 'duplicate',
    outcome: 'rejected',
    mayFollowExecution: true,
    description: 'The refund id is already used.',
  },
  down: {
    code: 'provider_unavailable',
    outcome: 'unknown',
    description: 'The provider failed while recording it.',
  },
  key: { code: 'authentication', outcome: 'rejected', description: 'The API key is wrong or revoked.' },
});

// The suite run against a table applied by the kit itself: if a case is wrong, it fails here first.
describeErrorTable({
  provider: 'example',
  table,
  expected: [
    ['used', 'duplicate', 'rejected', 'unknown'],
    ['down', 'provider_unavailable', 'unknown', 'unknown'],
    ['key', 'authentication', 'rejected', 'rejected'],
  ],
  provoke: async (key, { resend }) => {
    throw refundErrorFromTable({
      provider: 'example',
      table,
      key,
      writes: true,
      resend,
      summary: 'Example refused',
    });
  },
});
