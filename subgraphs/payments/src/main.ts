import { runMain } from '@vitrine/platform';
import { createPaymentsSubgraph, loadPaymentsConfig } from './index.js';

runMain(() => createPaymentsSubgraph(loadPaymentsConfig()));
