import DataLoader from 'dataloader';
import type { BaseContext } from '@vitrine/platform';
import type { BoutiqueTeam } from '@vitrine/platform';
import type { ReadModelService } from './services/read-model.service.js';

export interface PaymentsLoaders {
  team: DataLoader<string, BoutiqueTeam | null>;
}

/** What a request of the payments subgraph carries: the base context and its loaders. */
export interface PaymentsContext extends BaseContext {
  loaders: PaymentsLoaders;
}

export function createLoaders(readModel: ReadModelService): PaymentsLoaders {
  return { team: new DataLoader((ids) => readModel.teamsByIds(ids)) };
}
