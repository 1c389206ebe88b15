export type KeyKind = 'private' | 'public';

const expectedFormats: Record<KeyKind, string> = {
  private:
    'a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), a PKCS#1 PEM ("-----BEGIN RSA PRIVATE KEY-----") ' +
    'or a bare base64 PKCS#8 body',
  public:
    'an SPKI PEM ("-----BEGIN PUBLIC KEY-----"), a PKCS#1 PEM ("-----BEGIN RSA PUBLIC KEY-----") ' +
    'or a bare base64 SPKI body',
};

/**
 * A key that cannot be used. The message names the accepted formats and never quotes the key: the key is a
 * secret, and error messages end up in logs and error trackers.
 */
export class MalformedKeyError extends Error {
  override readonly name = 'MalformedKeyError';

  constructor(kind: KeyKind, reason: string, options?: ErrorOptions) {
    super(`Malformed RSA ${kind} key (${reason}): expected ${expectedFormats[kind]}.`, options);
  }
}
