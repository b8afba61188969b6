# syntax=docker/dockerfile:1
# IMS Clinic: one image that serves the API (/api) and the web app on one port.
#   docker compose up --build          (with the PostgreSQL 15 service in docker-compose.yml)
#   docker build -t ims-clinic . && docker run -p 3000:3000 ims-clinic   (demo mode: embedded PGlite)
# With DATABASE_URL set, the app applies its migrations on start; without it, it runs the demo clinic
# on an embedded database under DATA_DIR (/app/.data; mount a volume there to keep it).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install everything, build the API and the web app, then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
# The lockfile is written by the npm in package.json's "packageManager".
RUN npm install -g npm@11.19.1
COPY . .
RUN npm ci
RUN npx turbo run build --filter=@ims/api... --filter=@ims/web
RUN npm prune --omit=dev

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# Memory (bench/RESULTS.md, Memory): glibc malloc returns big blocks (argon2's 19 MiB per login) on free and keeps two
# arenas rather than one per thread (without them a few sign-ins left ~100 MiB of freed memory in the process); V8
# collects before its heap passes 192 MiB with small young generations (by default it let garbage grow the heap past
# 300 MiB under load). The largest working set measured, a 20,000-row patient import, needs about 150 MiB of heap.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data \
    MALLOC_MMAP_THRESHOLD_=131072 \
    MALLOC_ARENA_MAX=2 \
    NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=4"
# The pruned workspace: production node_modules (with the @ims/* workspace links), package
# manifests, built dist/ folders, prisma/migrations for the migration runner, apps/web/dist.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
VOLUME ["/app/.data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "apps/api/dist/main.js"]
