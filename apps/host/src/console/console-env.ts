import type { NamedApiKey } from '../http/api-keys';
import type { ConsoleSession } from './console-session';

/** Who uses the console, and how they proved it. */
export interface ConsoleUser {
  key: NamedApiKey;
  /** The signed-in session; undefined for a request that sent `Authorization: Bearer`. */
  session: ConsoleSession | undefined;
  /** For the hidden field of every form. Empty for bearer requests: a browser never adds that header itself. */
  csrfToken: string;
}

/** The Hono environment of the console's routes. */
export interface ConsoleEnv {
  Variables: { user: ConsoleUser | undefined };
}
