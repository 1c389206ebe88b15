import { describe, expect, it } from 'vitest';
import knownAnswers from './__fixtures__/known-answers.json';
import { coincornerSignatureMessage, signCoinCornerRequest } from './sign-coincorner-request';

const vector = (name: string) => {
  const found = knownAnswers.coincorner.vectors.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`missing vector ${name}`);
  return found;
};

describe('signCoinCornerRequest', () => {
  it('reproduces CC-1: upper-case key and secret are lower-cased before signing', async () => {
    const { signature, message, ...input } = vector('CC-1');
    expect(coincornerSignatureMessage(input)).toBe(message);
    expect(await signCoinCornerRequest(input)).toBe(signature);
  });

  it('reproduces CC-2: the documented variant lower-cases the whole message, user id included', async () => {
    const { signature, ...input } = vector('CC-2');
    expect(coincornerSignatureMessage(input)).toBe('34235userabcf6a425a0-08c0-4df5-b56b-98e4afa01995');
    expect(await signCoinCornerRequest(input)).toBe(signature);
  });

  it("reproduces CC-2b with userIdCase 'preserve', the PHP plugins' variant", async () => {
    const { signature, ...input } = vector('CC-2b');
    expect(await signCoinCornerRequest({ ...input, userIdCase: 'preserve' })).toBe(signature);
    expect(await signCoinCornerRequest(input)).not.toBe(signature);
  });

  it('answers 64 lowercase hex characters that change with the nonce', async () => {
    const input = vector('CC-1');
    const first = await signCoinCornerRequest(input);
    const second = await signCoinCornerRequest({ ...input, nonce: '1700000001' });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
  });
});
