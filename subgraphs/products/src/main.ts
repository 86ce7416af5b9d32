import { runMain } from '@vitrine/platform';
import { createProductsSubgraph, loadProductsConfig } from './index.js';

runMain(() => createProductsSubgraph(loadProductsConfig()));
