import type { UserExport } from '@waymark/shared';
import { Link } from '../../components/link';
import { formatDateTime, formatRelative } from '../../format';

const When = ({ at, prefix }: { at: string; prefix: string }) => (
  <time class="muted" dateTime={at} title={formatDateTime(at)}>
    {prefix} {formatRelative(at)}
  </time>
);

const show = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Companies, segments, journey stages and goals of one person. */
export function UserState({ user }: { user: UserExport }) {
  return (
    <>
      <section class="user-card" aria-labelledby="companies-title">
        <h2 id="companies-title" class="user-card-title">
          Companies
        </h2>
        {user.companies.length === 0 ? (
          <p class="muted">In no company.</p>
        ) : (
          <ul class="state-list">
            {user.companies.map((company) => (
              <li key={company.id}>
                <strong>{show(company.traits.name ?? company.id)}</strong>{' '}
                <When at={company.joinedAt} prefix="joined" />
                {Object.keys(company.traits).length > 0 && (
                  <p class="muted company-traits">
                    {Object.entries(company.traits)
                      .map(([key, value]) => `${key}: ${show(value)}`)
                      .join(' · ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="user-card" aria-labelledby="segments-title">
        <h2 id="segments-title" class="user-card-title">
          Segments
        </h2>
        {user.segments.length === 0 ? (
          <p class="muted">In no segment.</p>
        ) : (
          <ul class="state-list">
            {user.segments.map((segment) => (
              <li key={segment.id}>
                <Link href={`/segments/${segment.id}`}>{segment.name}</Link>{' '}
                <When at={segment.enteredAt} prefix="since" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="user-card" aria-labelledby="journeys-title">
        <h2 id="journeys-title" class="user-card-title">
          Journey stage
        </h2>
        {user.journeys.length === 0 ? (
          <p class="muted">In no journey yet.</p>
        ) : (
          <ul class="state-list">
            {user.journeys.map((journey) => (
              <li key={journey.journeyId}>
                <Link href={`/journeys/${journey.journeyId}`}>{journey.name}</Link>:{' '}
                <strong>{journey.stageName}</strong> <When at={journey.since} prefix="since" />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="user-card" aria-labelledby="goals-title">
        <h2 id="goals-title" class="user-card-title">
          Goals reached
        </h2>
        {user.goals.length === 0 ? (
          <p class="muted">No goal reached yet.</p>
        ) : (
          <ul class="state-list">
            {user.goals.map((goal) => (
              <li key={goal.goalId}>
                <Link href={`/goals/${goal.goalId}`}>{goal.name}</Link>{' '}
                <When at={goal.completedAt} prefix="" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
