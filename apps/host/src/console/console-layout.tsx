import { raw } from 'hono/html';
import { jsxRenderer } from 'hono/jsx-renderer';
import { csrfFieldName } from './console-csrf';
import type { ConsoleUser } from './console-env';
import { consoleStyles } from './console-styles';

declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: Hono declares the renderer as a call signature to merge with.
    (content: string | Promise<string>, props: { title: string }): Response | Promise<Response>;
  }
}

/** The frame of every console page: the header (search, who is signed in, sign-out) and the inline styles. */
export const consoleLayout = jsxRenderer(({ children, title }, context) => {
  const user = context.get('user') as ConsoleUser | undefined;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} · Refunds console`}</title>
        {/* Raw: a style element's text is not HTML, so escaping its quotes would break the CSS. */}
        <style>{raw(consoleStyles)}</style>
      </head>
      <body>
        <header>
          <a class="brand" href="/console">
            Refunds console
          </a>
          {user ? (
            <>
              <form method="get" action="/console/search">
                <input
                  type="search"
                  name="q"
                  placeholder="Refund id or order id"
                  aria-label="Refund id or order id"
                />
                <button type="submit" class="secondary">
                  Search
                </button>
              </form>
              <span class="who">
                {user.key.name} · {user.key.role}
              </span>
              {user.session ? (
                <form method="post" action="/console/sign-out">
                  <input type="hidden" name={csrfFieldName} value={user.csrfToken} />
                  <button type="submit" class="secondary">
                    Sign out
                  </button>
                </form>
              ) : null}
            </>
          ) : null}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
});
