export { hmacSha256Hex, hmacSha512Hex, md5Hex, rsaSha256Sign, rsaSha256Verify, sha256Hex } from './crypto';
export type { CryptoImplementation } from './crypto-implementation';
export { randomNonce } from './random-nonce';
export { timingSafeEqual } from './timing-safe-equal';
