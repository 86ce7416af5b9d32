# syntax=docker/dockerfile:1.20
#
# One image recipe for every Node service of Vitrine: the gateway and each subgraph.
#
#   docker build --build-arg SERVICE=gateway -t vitrine/gateway .
#   docker build --build-arg SERVICE=users   -t vitrine/users .
#
# SERVICE is the short name of a workspace package, @vitrine/<SERVICE>, whose entry point is
# dist/main.js (gateway/dist/main.js, subgraphs/<SERVICE>/dist/main.js). The install and build
# stages do not depend on SERVICE, so every service's build reuses them from the cache.
#
# The syntax line above is needed for `COPY --parents` (generally available since 1.20).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# Keep in step with `packageManager` in package.json, which is what corepack runs in /repo.
ARG PNPM_VERSION=10.34.8
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0 \
    CI=true
RUN corepack enable && corepack prepare "pnpm@${PNPM_VERSION}" --activate
WORKDIR /repo

# Dependencies: only the files that the install reads, so that this layer is rebuilt when a
# manifest or the lockfile changes, not when source code does. argon2, @swc/core and esbuild
# (pnpm-workspace.yaml `onlyBuiltDependencies`) ship prebuilt binaries for linux/glibc: no
# compiler is needed.
FROM base AS deps
COPY --parents package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc \
    */package.json subgraphs/*/package.json ./
RUN --mount=type=cache,id=vitrine-pnpm-store,target=/pnpm/store \
    pnpm install --frozen-lockfile --store-dir /pnpm/store

# Build: TypeScript project references (root tsconfig.json), each package into its own dist/.
FROM deps AS build
COPY . .
RUN pnpm exec tsc -b tsconfig.json

# One service, alone: its dist/ and production dependencies, with the workspace packages it
# uses (@vitrine/platform) copied in. `--legacy`: pnpm 10 deploys without it only from
# workspaces with inject-workspace-packages=true, which this one does not set.
FROM build AS deploy
ARG SERVICE
# Fails early on an unknown SERVICE, and records the service's default port (platform ports.ts),
# which the health check uses when PORT is not set.
RUN node --input-type=module <<'EOF'
import { writeFileSync } from 'node:fs';
import { ports } from '/repo/platform/dist/ports.js';

const service = process.env.SERVICE ?? '';
if (!Object.hasOwn(ports, service)) {
  console.error(`Set --build-arg SERVICE to one of: ${Object.keys(ports).join(', ')}`);
  process.exit(1);
}
writeFileSync('/tmp/default-port', String(ports[service]));
EOF
RUN --mount=type=cache,id=vitrine-pnpm-store,target=/pnpm/store \
    pnpm --filter "@vitrine/${SERVICE}" deploy --legacy --prod --store-dir /pnpm/store /out \
 && if [ ! -f /out/dist/main.js ]; then \
      echo "No package @vitrine/${SERVICE} with a dist/main.js in this workspace" >&2; exit 1; \
    fi
# What only the build needed goes: sources, compiler state, compiled tests (the source maps
# stay, so that stack traces still name the .ts lines).
RUN set -eu; \
    for pkg in /out /out/node_modules/.pnpm/@vitrine+*/node_modules/@vitrine/*; do \
      [ -d "$pkg/dist" ] || continue; \
      rm -rf "$pkg/src" "$pkg"/tsconfig*.json "$pkg"/*.tsbuildinfo; \
      find "$pkg/dist" -name '*.test.*' -delete; \
    done; \
    mv /tmp/default-port /out/.default-port; \
    if [ "$SERVICE" = gateway ]; then cp schema/supergraph.graphql /out/supergraph.graphql; fi

FROM ${NODE_IMAGE} AS runtime
# tini as PID 1: forwards SIGTERM/SIGINT to node (whose handlers drain requests, leave Kafka
# groups and flush outboxes before exiting) and reaps zombies.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ARG SERVICE
LABEL org.opencontainers.image.title="vitrine-${SERVICE}" \
      org.opencontainers.image.description="Vitrine ${SERVICE} (@vitrine/${SERVICE})"
# HOST: the services bind 127.0.0.1 by default, which nothing outside the container reaches.
# SUPERGRAPH_PATH is read by the gateway only; the file is in the gateway's image only.
# MALLOC_ARENA_MAX: glibc's default arenas (8 per core) keep argon2 worker threads' memory.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    VITRINE_SERVICE=${SERVICE} \
    SUPERGRAPH_PATH=/app/supergraph.graphql
WORKDIR /app
COPY --from=deploy /out ./
COPY <<'EOF' /app/healthcheck.mjs
// Docker HEALTHCHECK (slim images have no curl): 0 when the service answers GET /health on its
// PORT, or on its default port (ports.ts) when PORT is not set.
import { readFileSync } from 'node:fs';

const port = process.env.PORT || readFileSync('/app/.default-port', 'utf8').trim();
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
EOF
USER node
# A subgraph answers /health once it has its database, topics and consumer groups, hence the
# start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "/app/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "--enable-source-maps", "dist/main.js"]
