/**
 * What a used, stale or foreign sign-in link shows: a page a person can act on, not a bare
 * status code. It has no script and loads nothing, so the strict CSP holds.
 */
export const START_AGAIN_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>TokenDesk: start again</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <h1>This sign-in link cannot be used</h1>
    <p>
      Each link TokenDesk prints works once, for a few minutes, in one browser tab. This one has
      been used already, is out of date, or belongs to an earlier start of TokenDesk.
    </p>
    <p>
      Stop TokenDesk (Ctrl+C in its terminal), start it again with <code>npm run web</code>, and
      open the new link it prints.
    </p>
  </body>
</html>
`;
