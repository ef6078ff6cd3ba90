import { expect, test, type Page } from '@playwright/test';
import { templates, type ContentDetail } from '@waymark/shared';
import { readFile, writeFile } from 'node:fs/promises';
import {
  SHOTS,
  expectAccessible,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

async function translationsOf(page: Page, account: BuilderAccount, id: string) {
  const response = await page.request.get(`/api/workspaces/${account.workspaceId}/content/${id}`);
  return ((await response.json()) as ContentDetail).draft?.definition.translations;
}

/** Clicks an export button and answers the downloaded file's text. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

test('translations: locale tabs with missing counts, RTL, export and import as CSV and JSON', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const created = await page.request.post(`/api/workspaces/${account.workspaceId}/content`, {
    headers: { 'x-csrf-token': account.csrf },
    data: { name: 'NPS', definition: templates.npsSurvey.definition },
  });
  const { id } = (await created.json()) as ContentDetail;
  await page.goto(`/content/${id}?tab=translations`);
  await expect(page.getByText(/No locales yet/)).toBeVisible();

  // A tag that is not BCP 47 is refused; "FR" is stored in its canonical form.
  const tag = page.getByLabel('Add a locale');
  await tag.fill('not a tag!');
  await page.getByRole('button', { name: 'Add locale' }).click();
  await expect(page.getByText('Enter a BCP 47 language tag')).toBeVisible();
  await tag.fill('FR');
  await tag.press('Enter');
  const fr = page.getByRole('tab', { name: /^fr French/ });
  await expect(fr).toHaveAttribute('aria-selected', 'true');
  // 9 texts of the survey + 6 more widget labels (Next, Submit, Back, of, …; "Thank you!" is
  // already the thank-you heading, and one translation serves both).
  await expect(fr.locator('.locale-missing-count')).toHaveText('15 missing');
  await expect(page.locator('.strings-missing')).toHaveCount(15);

  const thanks = page.getByRole('textbox', { name: 'Thank you!', exact: true });
  await thanks.fill('Merci !');
  await expect(fr.locator('.locale-missing-count')).toHaveText('14 missing');
  await expect
    .poll(async () => (await translationsOf(page, account, id))?.fr)
    .toEqual({
      'Thank you!': 'Merci !',
    });

  // Arabic edits right-to-left; arrow keys move between the tabs.
  await tag.fill('ar');
  await tag.press('Enter');
  const ar = page.getByRole('tab', { name: /^ar Arabic/ });
  await expect(ar).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'Thank you!', exact: true })).toHaveAttribute(
    'dir',
    'rtl',
  );
  await ar.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(fr).toBeFocused();
  await expect(fr).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Only missing').check();
  await expect(page.getByRole('textbox', { name: 'Thank you!', exact: true })).toHaveCount(0);
  await page.getByLabel('Only missing').uncheck();
  await page.screenshot({ path: `${SHOTS}/translations-1280.png`, fullPage: true });
  await expectAccessible(page);

  // CSV export: a header of locales, one row per source text, translations in place.
  const csv = await download(page, 'Export CSV');
  expect(csv.name).toBe('waymark-survey.strings.csv');
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('source,context,fr,ar');
  expect(lines).toContain('Thank you!,Thank-you step › heading,Merci !,');

  // A translator fills a cell with a comma, quotes and a line break, adds an unknown row and a
  // column that is not a locale; the import takes what fits and says what it ignored.
  const prompt = 'How likely are you to recommend us to a friend or colleague?';
  const edited = csv.text
    .replace(
      `${prompt},Question 1 › question,,`,
      `${prompt},Question 1 › question,"Recommanderiez-vous, ""vraiment"",\nnotre produit ?",هل توصي بنا؟`,
    )
    .concat('A text we never wrote,,Inconnu,\r\n');
  const csvPath = testInfo.outputPath('strings.csv');
  await writeFile(csvPath, edited);
  await page.locator('#strings-import-file').setInputFiles(csvPath);
  const report = page.locator('.strings-report');
  await expect(report).toContainText('Imported 2 translations (1 already up to date).');
  await expect(report).toContainText('1 source text is not in this content');
  await expect
    .poll(async () => (await translationsOf(page, account, id))?.fr?.[prompt])
    .toBe('Recommanderiez-vous, "vraiment",\nnotre produit ?');
  expect((await translationsOf(page, account, id))?.ar?.[prompt]).toBe('هل توصي بنا؟');
  await expect(page.getByRole('textbox', { name: prompt })).toHaveValue(
    'Recommanderiez-vous, "vraiment",\nnotre produit ?',
  );
  await expect(fr.locator('.locale-missing-count')).toHaveText('13 missing');

  // JSON export round-trips; importing a JSON with a new locale adds its tab.
  const json = await download(page, 'Export JSON');
  const parsed = JSON.parse(json.text) as Record<string, Record<string, string>>;
  expect(parsed.fr?.[prompt]).toBe('Recommanderiez-vous, "vraiment",\nnotre produit ?');
  expect(parsed.fr?.Submit).toBe('');
  const jsonPath = testInfo.outputPath('de.json');
  await writeFile(jsonPath, JSON.stringify({ 'de-de': { Submit: 'Absenden', Next: 'Weiter' } }));
  await page.locator('#strings-import-file').setInputFiles(jsonPath);
  await expect(report).toContainText('Added locales: de-DE.');
  await expect(page.getByRole('tab', { name: /^de-DE German/ })).toBeVisible();

  // A broken file is refused with a reason and changes nothing.
  const brokenPath = testInfo.outputPath('broken.json');
  await writeFile(brokenPath, '{"fr": ');
  await page.locator('#strings-import-file').setInputFiles(brokenPath);
  await expect(page.getByText('broken.json: The file is not valid JSON.')).toBeVisible();

  // Removing a locale asks first.
  await ar.click();
  await page.getByRole('button', { name: 'Remove locale' }).click();
  await page.getByRole('button', { name: 'Remove ar and its translations' }).click();
  await expect(ar).toHaveCount(0);
  await expect
    .poll(async () => Object.keys((await translationsOf(page, account, id)) ?? {}).sort())
    .toEqual(['de-DE', 'fr']);

  await page.setViewportSize({ width: 768, height: 1000 });
  await page.screenshot({ path: `${SHOTS}/translations-768.png`, fullPage: true });
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
