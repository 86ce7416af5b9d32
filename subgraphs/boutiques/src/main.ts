import { runMain } from '@vitrine/platform';
import { createBoutiquesSubgraph, loadBoutiquesConfig } from './index.js';

runMain(() => createBoutiquesSubgraph(loadBoutiquesConfig()));
