import { describe, expect, it } from 'vitest';
import { kafkaLog4jProperties, kafkaServerProperties, newClusterId } from './kafka.js';

function parseProperties(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
}

describe('kafkaServerProperties', () => {
  const properties = parseProperties(kafkaServerProperties({ logDirs: '/data/kafka/data' }));

  it('combines broker and controller in one KRaft node with a static quorum', () => {
    expect(properties).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:9093',
      'controller.listener.names': 'CONTROLLER',
    });
  });

  it('listens on loopback only', () => {
    expect(properties.listeners).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(properties['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:9092');
  });

  it('fits one broker: internal topics with replication factor 1, no rebalance delay', () => {
    expect(properties).toMatchObject({
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'auto.create.topics.enable': 'true',
      'num.partitions': '3',
      'log.dirs': '/data/kafka/data',
    });
  });
});

describe('kafkaLog4jProperties', () => {
  it('writes the broker log to the given file', () => {
    const properties = parseProperties(kafkaLog4jProperties('/logs/kafka-server.log'));
    expect(properties['log4j.rootLogger']).toBe('INFO, file');
    expect(properties['log4j.appender.file.File']).toBe('/logs/kafka-server.log');
  });
});

describe('newClusterId', () => {
  it('is 16 random bytes in URL-safe base64, as Kafka expects', () => {
    const id = newClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    expect(newClusterId()).not.toBe(id);
  });
});
