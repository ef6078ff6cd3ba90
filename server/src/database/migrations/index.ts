import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { AccountsWorkspaces1763900000000 } from './1763900000000-accounts-workspaces';
import { ContentDeliveryExperiments1764000000010 } from './1764000000010-content-delivery-experiments';
import { EventsPartitioned1764100000001 } from './1764100000001-events-partitioned';
import { Identity1764100000002 } from './1764100000002-identity';
import { SegmentsGoalsJourneys1764100000003 } from './1764100000003-segments-goals-journeys';
import { FeatureTags1764200000001 } from './1764200000001-feature-tags';
import { PreviewTokens1764200000002 } from './1764200000002-preview-tokens';
import { EventsTuning1764200000003 } from './1764200000003-events-tuning';
import { UsersSearch1764200000004 } from './1764200000004-users-search';
import { EventRetention1764300070000 } from './1764300070000-event-retention';
import { PartitionRace1764400000001 } from './1764400000001-partition-race';
import { IdentityMoves1764500000001 } from './1764500000001-identity-moves';

/** Every migration, in order. Listed explicitly so bundling and tests find the same set. */
export const migrations = [
  InitialSchema1763800000000,
  AccountsWorkspaces1763900000000,
  ContentDeliveryExperiments1764000000010,
  EventsPartitioned1764100000001,
  Identity1764100000002,
  SegmentsGoalsJourneys1764100000003,
  FeatureTags1764200000001,
  PreviewTokens1764200000002,
  EventsTuning1764200000003,
  UsersSearch1764200000004,
  EventRetention1764300070000,
  PartitionRace1764400000001,
  IdentityMoves1764500000001,
];
