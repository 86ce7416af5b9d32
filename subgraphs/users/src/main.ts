import { runMain } from '@vitrine/platform';
import { createUsersSubgraph, loadUsersConfig } from './index.js';

runMain(() => createUsersSubgraph(loadUsersConfig()));
