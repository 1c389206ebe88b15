/** An error the HTTP layer turns into a status and a body naming what to fix. */
export class HostError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
