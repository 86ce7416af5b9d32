import DataLoader from 'dataloader';
import type { BaseContext } from '@vitrine/platform';
import type { BoutiqueDocument } from './models/boutique.model.js';
import type { BoutiqueService } from './services/boutique.service.js';

export interface BoutiquesLoaders {
  boutique: DataLoader<string, BoutiqueDocument | null>;
}

/** What a request of the boutiques subgraph carries: the base context and per-request loaders. */
export interface BoutiquesContext extends BaseContext {
  loaders: BoutiquesLoaders;
}

/** One database round trip per batch of boutiques, whatever the number of references in a query. */
export function createLoaders(boutiques: BoutiqueService): BoutiquesLoaders {
  return { boutique: new DataLoader((ids) => boutiques.byIds(ids)) };
}
