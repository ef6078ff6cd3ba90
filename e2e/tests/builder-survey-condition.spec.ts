import { expect, test, type Page } from '@playwright/test';
import { templates, type ContentDefinitionInput, type Segment } from '@waymark/shared';
import { randomUUID } from 'node:crypto';
import {
  expectAccessible,
  productionKeys,
  SHOTS,
  signUpBuilder,
  watchErrors,
  type BuilderAccount,
} from './builder-support';

/**
 * The survey-answer condition built by picking: the survey, then the question by its text, then
 * an operator and value that fit the question type (an NPS score from 0 to 10, options, text).
 */

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1280, 768]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function publishedSurvey(
  page: Page,
  account: BuilderAccount,
  name: string,
  definition: ContentDefinitionInput,
): Promise<string> {
  const headers = { 'x-csrf-token': account.csrf };
  const base = `/api/workspaces/${account.workspaceId}/content`;
  const created = await page.request.post(base, { headers, data: { name, definition } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await page.request.post(`${base}/${id}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);
  return id;
}

test('a segment "NPS ≤ 6 on survey X" built by picking survey, question and score', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const account = await signUpBuilder(page);
  const npsId = await publishedSurvey(
    page,
    account,
    'Quarterly NPS',
    templates.npsSurvey.definition,
  );
  await publishedSurvey(page, account, 'Feature CSAT', templates.csatSurvey.definition);

  // Three users answered the NPS question: 3 and 6 are detractors, 9 is not.
  const tag = randomUUID().slice(0, 8);
  const scores = { [`det-a-${tag}`]: 3, [`det-b-${tag}`]: 6, [`pro-${tag}`]: 9 };
  const batch = Object.entries(scores).map(([userId, value]) => ({
    type: 'track',
    event: '$survey_answered',
    userId,
    messageId: randomUUID(),
    properties: { contentId: npsId, questionId: 'score', value },
  }));
  const key = (await productionKeys(page, account)).secretKey;
  const sent = await page.request.post('/v1/batch', {
    headers: { authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}` },
    data: { batch },
  });
  expect(sent.status(), await sent.text()).toBe(200);

  await page.goto('/segments/new');
  await page.getByLabel('Name', { exact: true }).fill('NPS detractors');
  const count = page.getByTestId('preview-count');
  await page.getByLabel('Kind of condition to add to Segment rule').selectOption('survey_answer');
  await page.getByRole('button', { name: '+ Add condition' }).click();
  const condition = page.getByRole('group', { name: 'Segment rule, condition 1' });

  // Only surveys are offered; the question list follows the survey picked.
  const survey = condition.getByLabel('Survey');
  await expect(survey.locator('option')).toHaveText([
    'Choose a survey…',
    'Feature CSAT',
    'Quarterly NPS',
  ]);
  await survey.selectOption({ label: 'Feature CSAT' });
  const question = condition.getByLabel('Question');
  await question.selectOption({ label: 'What went wrong?' });
  await expect(condition.getByLabel('Text')).toBeVisible();
  await expect(condition.getByLabel('Operator')).toHaveValue('contains');

  await survey.selectOption({ label: 'Quarterly NPS' });
  await expect(question).toHaveValue('');
  await expect(question.locator('option')).toContainText([
    'Any question',
    'How likely are you to recommend us to a friend or colleague?',
    'Great to hear! What do you love most?',
  ]);
  await question.selectOption({
    label: 'How likely are you to recommend us to a friend or colleague?',
  });
  // An NPS question: a 0–10 score, detractors (at most 6) to start with.
  const score = condition.getByLabel('NPS score');
  await expect(score.locator('option')).toHaveText(Array.from({ length: 11 }, (_, i) => String(i)));
  await expect(condition.getByLabel('Operator')).toHaveValue('lte');
  await expect(score).toHaveValue('6');
  await expect(count).toContainText('2 users match');
  await condition.getByLabel('Operator').selectOption({ label: 'is at least' });
  await score.selectOption('9');
  await expect(count).toContainText('1 user matches');
  await condition.getByLabel('Operator').selectOption({ label: 'is at most' });
  await score.selectOption('6');
  await expect(count).toContainText('2 users match');
  await expect(page.locator('.rule-summary').first()).toContainText(
    'answered “Quarterly NPS” (“How likely are you to recommend us to a friend or colleague?”) with at most 6',
  );
  await expectAccessible(page);
  await shoot(page, 'segment-survey-answer');

  await page.getByRole('button', { name: 'Create segment' }).click();
  await expect(page).toHaveURL(/\/segments\/[0-9a-f-]{36}$/);
  const segmentId = page.url().split('/').pop()!;
  const stored = await page.request.get(
    `/api/workspaces/${account.workspaceId}/segments/${segmentId}`,
  );
  expect(((await stored.json()) as Segment).rule).toEqual({
    all: [{ type: 'survey_answer', contentId: npsId, questionId: 'score', op: 'lte', value: 6 }],
  });

  // Opened again, the picker shows the question by its text and the score.
  await page.reload();
  const again = page.getByRole('group', { name: 'Segment rule, condition 1' });
  await expect(again.getByLabel('Question')).toHaveValue('score');
  await expect(again.getByLabel('NPS score')).toHaveValue('6');
  expect(errors).toEqual([]);
});
