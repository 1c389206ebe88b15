import { csrfFieldName } from './console-csrf';

/** The only thing the console shows without a valid key: no refund data at all. */
export function SignInPage(props: { csrfToken: string; next: string; problem?: string | undefined }) {
  return (
    <div class="sign-in">
      <h1>Sign in</h1>
      <p class="muted">
        Sign in with one of the host's API keys. Its role decides what you may do: operators resolve and
        resend refunds, viewers read.
      </p>
      {props.problem ? <p class="notice notice-error">{props.problem}</p> : null}
      <form method="post" action="/console/sign-in" class="panel">
        <input type="hidden" name={csrfFieldName} value={props.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          name="apiKey"
          autocomplete="current-password"
          required
          autofocus
        />
        <button type="submit">Sign in</button>
      </form>
    </div>
  );
}
