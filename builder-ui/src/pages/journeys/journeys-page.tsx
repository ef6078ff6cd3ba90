import { journeysApi } from '../../api/journeys';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Link } from '../../components/link';
import { ListSection } from '../../components/list-section';
import { NewItemLink } from '../../components/new-item-link';
import { PageHead } from '../../components/page-head';
import { useLoad } from '../../components/use-load';
import { useTitle } from '../../components/use-title';
import type { PageProps } from '../../page-props';
import { useWorkspace } from '../../workspace-context';

/** Journeys: ordered stages users move through. */
export function JourneysPage(_props: PageProps) {
  useTitle('Journeys');
  const { api, workspace } = useWorkspace();
  const { load, reload } = useLoad(
    (signal) => journeysApi(api, workspace.id).list(signal),
    [api, workspace.id],
  );
  return (
    <>
      <PageHead
        title="Journeys"
        lede="Ordered stages — acquisition, activation, adoption… — and where users stall."
      >
        <NewItemLink href="/journeys/new">New journey</NewItemLink>
      </PageHead>
      <ListSection
        label="Journeys"
        load={load}
        onRetry={reload}
        isEmpty={(journeys) => journeys.length === 0}
        empty={
          <EmptyState icon="journeys" title="No journeys yet">
            <p>
              A journey is a list of stages, each entered when its rule holds. See how many users
              are in each stage, how they convert and where they get stuck.
            </p>
          </EmptyState>
        }
      >
        {(journeys) => (
          <DataTable
            rows={journeys}
            keyOf={(j) => j.id}
            columns={[
              {
                header: 'Name',
                cellClass: 'cell-name',
                cell: (j) => <Link href={`/journeys/${j.id}`}>{j.name}</Link>,
              },
              {
                header: 'Stages',
                cellClass: 'journey-stage-list',
                cell: (j) => j.stages.map((s) => s.name).join(' → '),
              },
            ]}
          />
        )}
      </ListSection>
    </>
  );
}
