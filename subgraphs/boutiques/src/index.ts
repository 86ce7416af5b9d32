import 'reflect-metadata';
import { SubgraphRuntime, type RunningSubgraph } from '@vitrine/platform';
import type { BoutiquesConfig } from './config.js';
import { createLoaders, type BoutiquesContext } from './loaders.js';
import { createBoutiqueModel } from './models/boutique.model.js';
import { buildBoutiquesSchema } from './schema.js';
import { BoutiqueModerationService } from './services/boutique-moderation.service.js';
import { BoutiqueSearchService } from './services/boutique-search.service.js';
import { BoutiqueTeamService } from './services/boutique-team.service.js';
import { BoutiqueService } from './services/boutique.service.js';

export { loadBoutiquesConfig, type BoutiquesConfig } from './config.js';
export { buildBoutiquesSchema } from './schema.js';

/**
 * Starts the boutiques subgraph: boutiques, their team, approval lifecycle, location and opening
 * hours. It emits `boutique.*` events and consumes none.
 */
export async function createBoutiquesSubgraph(config: BoutiquesConfig): Promise<RunningSubgraph> {
  const runtime = await SubgraphRuntime.create(config);
  const boutiqueModel = createBoutiqueModel(runtime.db);
  runtime.outbox(boutiqueModel);

  const outbox = runtime.outboxWriter;
  const boutiques = new BoutiqueService(boutiqueModel, outbox);
  const services = {
    boutiques,
    search: new BoutiqueSearchService(boutiqueModel),
    moderation: new BoutiqueModerationService(boutiqueModel, boutiques, outbox),
    team: new BoutiqueTeamService(boutiqueModel, boutiques, outbox),
  };
  const schema = await buildBoutiquesSchema(services);
  return runtime.serve<BoutiquesContext>({
    schema,
    context: (base) => ({ ...base, loaders: createLoaders(boutiques) }),
  });
}
