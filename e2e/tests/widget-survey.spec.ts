import { expect, test } from '@playwright/test';
import { templates, type SurveyDefinition } from '@waymark/shared';
import {
  allowLocalServer,
  axe,
  collect,
  collected,
  eligible,
  freshUser,
  initAs,
  openHost,
  preview,
  serveSession,
  storedEvents,
  widget,
} from './widget-host';

allowLocalServer(test);

const every: SurveyDefinition = {
  kind: 'survey',
  display: 'popover',
  position: 'bottom-right',
  dismissible: true,
  questions: [
    { id: 'csat', type: 'csat', prompt: 'How satisfied are you?', required: true, branches: [] },
    {
      id: 'ces',
      type: 'ces',
      prompt: 'How easy was it?',
      required: true,
      branches: [],
      lowLabel: 'Hard',
      highLabel: 'Easy',
    },
    {
      id: 'stars',
      type: 'rating',
      prompt: 'Rate the docs',
      required: true,
      branches: [],
      scale: 5,
      style: 'stars',
    },
    {
      id: 'role',
      type: 'single',
      prompt: 'Your role?',
      required: true,
      branches: [],
      options: [
        { id: 'dev', label: 'Developer' },
        { id: 'pm', label: 'Product manager' },
      ],
    },
    {
      id: 'uses',
      type: 'multi',
      prompt: 'What do you use?',
      required: false,
      branches: [],
      options: [
        { id: 'tours', label: 'Tours' },
        { id: 'surveys', label: 'Surveys' },
        { id: 'lists', label: 'Checklists' },
      ],
    },
    {
      id: 'note',
      type: 'text',
      prompt: 'Anything else?',
      required: false,
      branches: [],
      maxLength: 200,
    },
  ],
  thankYou: { heading: 'Thanks a lot!' },
};

test('an NPS survey branches on the score, thanks the user and reports every answer', async ({
  page,
}) => {
  await openHost(page);
  await collect(page);
  await preview(page, templates.npsSurvey.definition);

  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toHaveAccessibleName(
    'How likely are you to recommend us to a friend or colleague?',
  );
  await expect(dialog.getByRole('radio')).toHaveCount(11);
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Please answer this question.');

  await dialog.getByText('3', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(dialog).toHaveAccessibleName('Sorry to hear that. What should we improve first?');
  await dialog.getByRole('textbox').fill('Faster exports');
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog.getByRole('status')).toContainText('Thank you!');
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  const events = await collected(page);
  expect(
    events
      .filter((e) => e.name === 'survey:answered')
      .map((e) => [e.payload.questionId, e.payload.answer]),
  ).toEqual([
    ['score', 3],
    ['improve', 'Faster exports'],
  ]);
  expect(events.map((e) => e.name)).toContain('content:completed');
});

test('every question type works by keyboard, with Back keeping earlier answers', async ({
  page,
}) => {
  await openHost(page);
  await collect(page);
  await preview(page, every);
  const dialog = widget(page).getByRole('dialog');

  // CSAT: arrow keys move within the radio group.
  await dialog.getByRole('radio').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('radio').nth(2)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveAccessibleName('How easy was it?');
  await expect(dialog.getByText('Hard')).toBeVisible();
  await dialog.getByText('6', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();

  await expect(dialog).toHaveAccessibleName('Rate the docs');
  await dialog.getByRole('radio', { name: '4 of 5' }).check({ force: true });
  await expect(dialog.locator('label.on')).toHaveCount(4);
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Next' }).click();

  await dialog.getByRole('radio', { name: 'Product manager' }).check({ force: true });
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('checkbox', { name: 'Tours' }).check({ force: true });
  await dialog.getByRole('checkbox', { name: 'Checklists' }).check({ force: true });
  await dialog.getByRole('checkbox', { name: 'Tours' }).uncheck({ force: true });
  expect(await axe(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Next' }).click();

  await expect(dialog).toHaveAccessibleName('Anything else?');
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Checklists' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog.getByRole('status')).toContainText('Thanks a lot!');

  const answers = (await collected(page))
    .filter((e) => e.name === 'survey:answered')
    .map((e) => [e.payload.questionId, e.payload.answer]);
  expect(answers).toEqual([
    ['csat', 3],
    ['ces', 6],
    ['stars', 4],
    ['role', 'pm'],
    ['uses', ['lists']],
    ['uses', ['lists']],
  ]);
});

test('a modal survey blocks the page; on 360 px the NPS scale fits one row', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openHost(page);
  await preview(page, { ...templates.npsSurvey.definition, display: 'modal' } as SurveyDefinition);
  const dialog = widget(page).getByRole('dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const first = (await dialog.getByText('0', { exact: true }).boundingBox())!;
  const last = (await dialog.getByText('10', { exact: true }).boundingBox())!;
  expect(last.y).toBe(first.y);
  expect(last.x + last.width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: test.info().outputPath('nps-360.png') });
});

test('answers become $survey_answered events and the completion is stored', async ({
  page,
  request,
}) => {
  const userId = freshUser();
  const survey = eligible(templates.csatSurvey.definition);
  await serveSession(page, [survey]);
  await openHost(page);
  await initAs(page, userId);

  const dialog = widget(page).getByRole('dialog');
  await dialog.getByText('2', { exact: true }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('textbox').fill('Too slow');
  await dialog.getByRole('button', { name: 'Submit' }).click();
  await expect(dialog.getByRole('status')).toContainText('Thanks for your feedback!');
  // autoCloseMs: 4000
  await expect(dialog).toHaveCount(0, { timeout: 7000 });

  // Events of the same millisecond may come back in any order: compare as sets with counts.
  await expect
    .poll(
      async () =>
        (await storedEvents(request, userId))
          .map((e) => e.name)
          .filter((n) => n.startsWith('$'))
          .sort(),
      { timeout: 15_000 },
    )
    .toEqual(
      [
        '$page',
        '$content_shown',
        '$content_step_viewed',
        '$survey_answered',
        '$content_step_viewed',
        '$survey_answered',
        '$content_completed',
      ].sort(),
    );
  const answers = (await storedEvents(request, userId)).filter(
    (e) => e.name === '$survey_answered',
  );
  expect(
    answers
      .map((e) => [e.properties.questionId, e.properties.value, e.properties.contentId])
      .sort(),
  ).toEqual([
    ['satisfaction', 2, survey.id],
    ['why', 'Too slow', survey.id],
  ]);
});
