/**
 * What a browser without the session cookie sees instead of the console: how to get in. No
 * script; the page's policy allows inline styles only.
 */
export function signInPage(reason: 'no-session' | 'code-used', pageAddress: string): string {
  const title = reason === 'code-used' ? 'This launch address has already been used' : 'This browser is not signed in to Command Post';
  const why =
    reason === 'code-used'
      ? 'Each address the host prints signs in one browser, once. It was used already (perhaps by this browser, before it was closed), so it no longer lets anyone in.'
      : 'The console opens only in a browser signed in through the address the host prints when it starts.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="dark"><title>Command Post — sign in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#0f141b;color:#e6edf3;max-width:44rem;margin:4rem auto;padding:0 1.5rem}
code{background:#1b2330;padding:0.1rem 0.35rem;border-radius:4px}h1{font-size:1.4rem}li{margin:0.4rem 0}</style></head>
<body data-testid="sign-in" data-reason="${reason}">
<h1>${title}</h1>
<p>${why}</p>
<ol>
<li>Start the host (or look at the terminal where it runs): <code>npm run serve</code></li>
<li>Open the address it prints, on the line <code>Command Post is running at http://127.0.0.1:PORT/?launch=…</code></li>
</ol>
<p>That address works once; afterwards this browser stays signed in to <code>${escapeHtml(pageAddress)}</code>, across restarts of the host, until the browser is closed. Restarting the host prints a new address.</p>
<p>From a script, ask the running host for a new address with its token: <code>curl -X POST -H "Authorization: Bearer $(cat DATA_DIR/host-token)" ${escapeHtml(pageAddress)}launch</code></p>
</body></html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
