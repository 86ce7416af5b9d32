import { KafkaEventPublisher, newId, type RunningSubgraph } from '@vitrine/platform';
import { disposeTestSubgraph, findEvent, waitFor } from '@vitrine/platform/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsersFactory } from '../../test/users.factory.js';

let subgraph: RunningSubgraph;
let users: UsersFactory;
let publisher: KafkaEventPublisher;

beforeAll(async () => {
  ({ subgraph, factory: users } = await UsersFactory.start());
  publisher = new KafkaEventPublisher(subgraph.runtime.kafka);
});
afterAll(async () => {
  await publisher?.disconnect();
  await disposeTestSubgraph(subgraph);
});

describe('boutique.approved', () => {
  it("makes the boutique's owner a BOUTIQUE_OWNER once, however often it arrives", async () => {
    const owner = await users.register();
    const adminId = newId().toHexString();
    const boutiqueId = newId().toHexString();
    const approved = subgraph.runtime.event('boutique.approved', boutiqueId, {
      boutiqueId,
      ownerId: owner.id,
      actorId: adminId,
    });
    await publisher.publish([approved, approved]);

    const granted = await findEvent(
      subgraph.runtime.kafka,
      'vitrine.users',
      'user.role_granted',
      (e) => e.data.userId === owner.id,
    );
    expect(granted.data).toEqual({ userId: owner.id, role: 'BOUTIQUE_OWNER', actorId: adminId });
    const session = await waitFor(
      async () => {
        const fresh = await users.login(owner.email, owner.password);
        return fresh.roles.includes('BOUTIQUE_OWNER') && fresh;
      },
      { message: 'the role in a new token' },
    );
    expect(session.roles).toEqual(['CUSTOMER', 'BOUTIQUE_OWNER']);
  });
});
