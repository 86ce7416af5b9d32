import DataLoader from 'dataloader';
import type { BaseContext } from '@vitrine/platform';
import type { UserDocument } from './models/user.model.js';
import type { UserService } from './services/user.service.js';

export interface UsersLoaders {
  user: DataLoader<string, UserDocument | null>;
}

/** What a request of the users subgraph carries: the base context and per-request loaders. */
export interface UsersContext extends BaseContext {
  loaders: UsersLoaders;
}

/** One database round trip per batch of users, whatever the number of references in a query. */
export function createLoaders(users: UserService): UsersLoaders {
  return { user: new DataLoader((ids) => users.byIds(ids)) };
}
