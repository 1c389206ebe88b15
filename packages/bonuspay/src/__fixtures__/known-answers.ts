import knownAnswers from './known-answers.json';

/** The reference's self-computed vectors (B8): TEST-ONLY key, never for real traffic. */
export const testKeys = { privateKey: knownAnswers.privateKeyPkcs8, publicKey: knownAnswers.publicKeySpki };

/** Settings for a client or provider that talks to a fake fetch: the vectors' partner and one key in both roles. */
export const testSettings = {
  partnerId: '200000000888',
  privateKey: testKeys.privateKey,
  platformPublicKey: testKeys.publicKey,
  baseUrl: 'https://bonuspay.test/sgs/api',
};

export function vector(name: 'V1' | 'V2' | 'V3' | 'V4'): { body: string; sign: string } {
  const found = knownAnswers.vectors.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`vector ${name} missing from known-answers.json`);
  return found;
}
