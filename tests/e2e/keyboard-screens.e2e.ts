import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { SCREENS, shoot } from './screens';
import { longLog, paste } from './paste';
import { seedSev1WarRoom } from './sev1-scenario';
import { waitUntilLive } from './ui';

// Screens of the keyboard work on a realistic SEV1, for people to look at: the palette ranking
// "assign ic", the `//` warning, counters near a limit, the offer to log a long paste in parts
// and the chords on an update draft. Saved to test-results/screens/.


test.setTimeout(240_000);


test('screens of the war room run from the keyboard', async ({ page, host }) => {
  await mkdir(SCREENS, { recursive: true });
  await seedSev1WarRoom(host);
  await page.goto(host.url);
  await waitUntilLive(page);
  await page.getByTestId('incident-list-item').filter({ hasText: 'Checkout API' }).click();
  await expect(page.getByTestId('timeline-entry').filter({ hasText: 'IC briefing doc' })).toBeVisible();
  const input = page.getByTestId('entry-input');

  await input.focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('assign ic');
  await expect(page.getByTestId('palette-option').first()).toContainText('incident commander');
  await shoot(page, 'palette-assign-ic');
  await page.keyboard.press('Escape');

  await page.keyboard.type('//h the retry storm is a symptom of the pool limit');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('entry-confirm')).toBeVisible();
  await shoot(page, 'entry-double-slash');

  await input.fill(`/f ${longLog().slice(0, 9_200)}`);
  await expect(page.getByTestId('entry-box').getByTestId('length-counter')).toBeVisible();
  await shoot(page, 'entry-counter');

  await input.fill('/f pool log from checkout-api-7f9c, eu-west-1:\n');
  await input.press('End');
  await paste(page, longLog());
  await expect(page.getByTestId('pending-attachment')).toBeVisible();
  await shoot(page, 'entry-paste-snippet');
  await page.getByTestId('pending-as-text').click();
  await expect(page.getByTestId('entry-split')).toBeVisible();
  await shoot(page, 'entry-paste-split');
  await input.fill('');

  await page.getByTestId('open-workstream').click();
  await page.getByTestId('workstream-title').fill('Confirm the connection pool limit in staging at EU pod count, with the same traffic mix as production, before raising it per pod in eu-west-1 and then in us-east-1');
  await page.getByTestId('workstream-next').focus();
  await paste(page, 'x'.repeat(6_000));
  await expect(page.getByTestId('field-limit')).toBeVisible();
  await expect(page.getByTestId('workstream-open-dialog').getByTestId('length-counter')).toHaveText(/^1\d\d \/ 200$/);
  await shoot(page, 'dialog-counter');
  await page.keyboard.press('Escape');

  await page.getByTestId('draft-external').click();
  await expect(page.getByTestId('draft-body')).not.toHaveValue('');
  await shoot(page, 'draft-chords');
});
