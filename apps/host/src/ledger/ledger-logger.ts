/** The slice of a pino logger the ledger uses, so the host can pass its own. */
export interface LedgerLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const ignore = (): void => {};

export const silentLogger: LedgerLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
