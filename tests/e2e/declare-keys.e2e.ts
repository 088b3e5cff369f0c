import { expect, test } from './fixtures';
import { waitUntilLive } from './ui';
import { seedSettings } from './war-room-ui';

// Issue 10, point 11: from a cold start (the operator already known), a declared SEV1 with
// yourself as IC and the first internal update drafted, in at most eight keyboard actions —
// counted as a person would: typing a word or a title is one, each key or shortcut is one.

test('cold start to a SEV1 with yourself as IC and the internal update drafted, in at most 8 keyboard actions', async ({ page, host }) => {
  await seedSettings(host, { operatorName: 'Dana Whitfield', operatorContact: '+1 415 555 0142 · @dana' });
  await page.goto(host.url);
  await waitUntilLive(page);

  let actions = 0;
  const press = async (key: string) => {
    actions++;
    await page.keyboard.press(key);
  };
  const type = async (text: string) => {
    actions++;
    await page.keyboard.type(text);
  };

  await press('Control+k');
  await type('declare');
  await press('Enter');
  await expect(page.getByTestId('declare-title')).toBeFocused();
  await type('Checkout API returning 502s for EU customers');
  await press('Tab');
  await press('1');
  await expect(page.getByTestId('declare-take-ic')).toBeChecked();
  await press('Enter');
  await expect(page.getByTestId('incident-severity')).toHaveText('SEV1');
  await expect(page.getByTestId('draft-internal')).toContainText('Alt');
  await press('Alt+i');

  expect(actions).toBeLessThanOrEqual(8);
  console.log(`keyboard actions: ${actions}`);
  await expect(page.getByTestId('role-incident-commander').getByTestId('role-holder')).toHaveText('Dana Whitfield');
  const dialog = page.getByTestId('draft-dialog');
  await expect(dialog).toHaveAttribute('data-kind', 'internal');
  await expect(page.getByTestId('draft-body')).toHaveValue(/Checkout API returning 502s for EU customers/);
  await expect(page.getByTestId('draft-body')).toHaveValue(/^\[SEV1\]/);
  await expect(page.getByTestId('draft-body')).toHaveValue(/Incident commander: Dana Whitfield/);
});
