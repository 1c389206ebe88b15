import { generateSandboxKeyPairs, type SandboxKeyPairs } from '../sandbox/generate-sandbox-key-pairs';

let shared: Promise<SandboxKeyPairs> | undefined;

/** One pair of generated RSA-2048 test key pairs per test file: generating them is the slowest step of a test. */
export function sharedSandboxKeyPairs(): Promise<SandboxKeyPairs> {
  shared ??= generateSandboxKeyPairs();
  return shared;
}
