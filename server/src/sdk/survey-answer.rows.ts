import { SURVEY_ANSWER_EVENT, type ProgressUpdate, type SdkUser } from '@waymark/shared';
import { createHash } from 'node:crypto';
import type { EventRow } from '../events/event-row';

/**
 * Survey answers saved as progress also become `$survey_answered` events, one per question, so
 * rules (`survey_answer` conditions) and analytics read them. The message id is derived from
 * the answer, so a retried progress call stores nothing twice.
 */
export function surveyAnswerRows(
  user: SdkUser,
  userKey: string,
  updates: ProgressUpdate[],
): EventRow[] {
  return updates.flatMap((u) =>
    Object.entries(u.answers ?? {}).map(([questionId, value]): EventRow => {
      const digest = createHash('sha1')
        .update(`${userKey}|${u.contentId}|${questionId}|${u.timestamp}`)
        .digest('base64url');
      return {
        messageId: `sa_${digest}`,
        name: SURVEY_ANSWER_EVENT,
        userId: user.userId ?? null,
        anonymousId: user.anonymousId,
        properties: { contentId: u.contentId, versionId: u.versionId, questionId, value },
        ts: new Date(u.timestamp),
      };
    }),
  );
}
