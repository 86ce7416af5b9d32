import { runMain } from '@vitrine/platform';
import { createOrdersSubgraph, loadOrdersConfig } from './index.js';

runMain(() => createOrdersSubgraph(loadOrdersConfig()));
