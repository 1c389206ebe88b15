import type { SecretReference } from '../config/host-config';

export interface ResolveSecretContext {
  accountId: string;
  settingName: string;
  environment: Readonly<Record<string, string | undefined>>;
  readFile: (path: string) => Promise<string>;
}

/** Reads one secret from its environment variable or file. A problem names where it looked, never a value. */
export async function resolveSecret(
  reference: SecretReference,
  context: ResolveSecretContext,
): Promise<{ value: string } | { problem: string; where: string }> {
  const subject = `secret \`${context.settingName}\` of account ${context.accountId}`;
  // `where` alone (what was looked at and found wrong) serves callers that name the secret their own way.
  const problem = (where: string) => ({ problem: `${subject}: ${where}`, where });
  if ('env' in reference) {
    const value = context.environment[reference.env];
    if (value === undefined) return problem(`environment variable ${reference.env} is not set`);
    if (value === '') return problem(`environment variable ${reference.env} is empty`);
    return { value };
  }
  let text: string;
  try {
    text = await context.readFile(reference.file);
  } catch (error) {
    return problem(`cannot read file ${reference.file} (${describeReadFailure(error)})`);
  }
  // Files written with `echo` or an editor end with a newline that is not part of the secret.
  const value = text.replace(/\r?\n$/, '');
  if (value === '') return problem(`file ${reference.file} is empty`);
  return { value };
}

function describeReadFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return typeof code === 'string' ? code : 'read failed';
}
