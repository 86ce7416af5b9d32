import { loadPlatformConfig, type PlatformConfig } from '@vitrine/platform';

/** The boutiques subgraph reads only the platform's variables (see README). */
export type BoutiquesConfig = PlatformConfig;

export function loadBoutiquesConfig(
  source: NodeJS.ProcessEnv = process.env,
  base?: PlatformConfig,
): BoutiquesConfig {
  return base ?? loadPlatformConfig('boutiques', source);
}
