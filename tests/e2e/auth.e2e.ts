import { expect, test } from './fixtures';

test('a page with the wrong token is refused and says it is offline', async ({ page, host }) => {
  const wrong = host.url.replace(/token=[^&#]+/, 'token=this-is-not-the-token');
  await page.goto(wrong);

  const connection = page.getByTestId('connection-state');
  await expect(connection).toHaveAttribute('data-state', 'closed');
  await expect(connection).toHaveText(/offline/i);
  await expect(page.getByTestId('offline-notice')).toBeVisible();
  await expect(page.getByTestId('incident-list-item')).toHaveCount(0);
});

test('a page without any token is refused too', async ({ page, host }) => {
  await page.goto(`http://127.0.0.1:${host.port}/`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('offline-notice')).toBeVisible();
});
