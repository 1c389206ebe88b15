/**
 * Where to go after signing in: a console path only, so the sign-in form cannot be made to send a person to
 * another site.
 */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' && /^\/console(?:[/?][^\\\s]*)?$/.test(value) ? value : '/console';
}
