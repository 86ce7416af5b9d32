import { describe, expect, it } from 'vitest';
import { endpointsToEnv, InvalidEnvError, resolveEndpoints } from './endpoints.js';

describe('resolveEndpoints', () => {
  it('points at the local servers when no variable is set', () => {
    const { endpoints, external } = resolveEndpoints({});
    expect(endpoints).toEqual({
      mongodbUri: 'mongodb://127.0.0.1:27017',
      kafkaBrokers: ['127.0.0.1:9092'],
      stripeApiBase: 'http://127.0.0.1:12111',
      smtpHost: '127.0.0.1',
      smtpPort: 1025,
      maildevApiUrl: 'http://127.0.0.1:1080',
    });
    expect(external.size).toBe(0);
  });

  it('replaces each server by the external one its variable names', () => {
    const { endpoints, external } = resolveEndpoints({
      MONGODB_URI: 'mongodb+srv://user:pw@cluster.example/app',
      KAFKA_BROKERS: ' k1:9092, k2:9093 ,',
      STRIPE_API_BASE: 'https://stripe.example/',
      SMTP_HOST: 'smtp.example',
      SMTP_PORT: '587',
    });
    expect(endpoints).toEqual({
      mongodbUri: 'mongodb+srv://user:pw@cluster.example/app',
      kafkaBrokers: ['k1:9092', 'k2:9093'],
      stripeApiBase: 'https://stripe.example',
      smtpHost: 'smtp.example',
      smtpPort: 587,
      maildevApiUrl: undefined,
    });
    expect([...external].sort()).toEqual(['ferretdb', 'kafka', 'maildev', 'stripe-mock']);
  });

  it('replaces one server and keeps the others local', () => {
    const { endpoints, external } = resolveEndpoints({ KAFKA_BROKERS: 'broker:9092' });
    expect([...external]).toEqual(['kafka']);
    expect(endpoints.mongodbUri).toBe('mongodb://127.0.0.1:27017');
  });

  it('takes an external mail catcher API with its SMTP side', () => {
    const { endpoints } = resolveEndpoints({
      SMTP_HOST: 'catcher',
      SMTP_PORT: '1025',
      MAILDEV_API_URL: 'http://catcher:1080/',
    });
    expect(endpoints.maildevApiUrl).toBe('http://catcher:1080');
  });

  it('keeps a server managed when its variable names the local server', () => {
    const { endpoints, external } = resolveEndpoints({
      MONGODB_URI: 'mongodb://localhost/vitrine?directConnection=true',
      KAFKA_BROKERS: '127.0.0.1:9092',
      STRIPE_API_BASE: 'https://localhost:12112',
      SMTP_HOST: 'localhost',
      SMTP_PORT: '1025',
      MAILDEV_API_URL: 'http://127.0.0.1:1080',
    });
    expect(external.size).toBe(0);
    // The values given are kept: they name the same servers.
    expect(endpoints.mongodbUri).toBe('mongodb://localhost/vitrine?directConnection=true');
    expect(endpoints.stripeApiBase).toBe('https://localhost:12112');
  });

  it.each([
    { MONGODB_URI: 'mongodb://127.0.0.1:27018' },
    { MONGODB_URI: 'mongodb://127.0.0.1:27017,127.0.0.1:27018/?replicaSet=rs0' },
    { KAFKA_BROKERS: '127.0.0.1:9092,127.0.0.1:9094' },
    { STRIPE_API_BASE: 'http://localhost' },
    { SMTP_HOST: '127.0.0.1', SMTP_PORT: '2525' },
  ])('takes another port of this machine for an external server: %j', (env) => {
    expect(resolveEndpoints(env).external.size).toBe(1);
  });

  it('treats empty variables as unset', () => {
    expect(resolveEndpoints({ MONGODB_URI: '', KAFKA_BROKERS: ' ' }).external.size).toBe(0);
  });

  it.each([
    [{ MONGODB_URI: 'http://db' }, /MONGODB_URI/],
    [{ KAFKA_BROKERS: 'broker' }, /KAFKA_BROKERS/],
    [{ KAFKA_BROKERS: ',' }, /KAFKA_BROKERS/],
    [{ STRIPE_API_BASE: 'localhost:12111' }, /STRIPE_API_BASE/],
    [{ SMTP_HOST: 'smtp.example' }, /set both/],
    [{ SMTP_PORT: '25' }, /set both/],
    [{ SMTP_HOST: 'smtp.example', SMTP_PORT: 'smtp' }, /SMTP_PORT/],
    [{ MAILDEV_API_URL: 'http://catcher:1080' }, /MAILDEV_API_URL/],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => resolveEndpoints(env)).toThrow(InvalidEnvError);
    expect(() => resolveEndpoints(env)).toThrow(message);
  });
});

describe('endpointsToEnv', () => {
  it('round-trips: the exported variables resolve to the same endpoints', () => {
    const local = resolveEndpoints({}).endpoints;
    const env = endpointsToEnv(local);
    expect(env).toEqual({
      MONGODB_URI: 'mongodb://127.0.0.1:27017',
      KAFKA_BROKERS: '127.0.0.1:9092',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '1025',
      MAILDEV_API_URL: 'http://127.0.0.1:1080',
    });
    expect(resolveEndpoints(env).endpoints).toEqual(local);
    // Naming the local servers keeps them managed (a shell that ran `eval "$(pnpm infra up)"`).
    expect(resolveEndpoints(env).external.size).toBe(0);
  });

  it('leaves MAILDEV_API_URL out when there is no catcher API', () => {
    const { endpoints } = resolveEndpoints({ SMTP_HOST: 'smtp.example', SMTP_PORT: '587' });
    expect(endpointsToEnv(endpoints)).not.toHaveProperty('MAILDEV_API_URL');
  });
});
