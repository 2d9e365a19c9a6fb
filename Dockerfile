# Image Studio on Node 22 LTS. One image, three commands — no pnpm at runtime:
#   node server/dist/index.js     the API (serves the web app too; WORKER_IN_PROCESS=true runs a worker inside)
#   node server/dist/worker.js    a standalone generation worker (scale these out)
#   node server/dist/migrate.js   apply database migrations once, before the others start (deploy step)
# docker-compose.yml runs all three; docs/deploy.md explains the rest.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm@12
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# pnpm applies these to their packages as it installs them (pnpm-workspace.yaml, patchedDependencies).
COPY patches/ patches/
COPY client/package.json client/
COPY server/package.json server/
COPY shared/package.json shared/
COPY bench/package.json bench/
COPY cli/package.json cli/
RUN pnpm install --frozen-lockfile
COPY . .
# The landing page is prerendered at build time: its canonical, Open Graph and sitemap URLs need the public origin.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
RUN pnpm build && pnpm prune --prod
# The runtime needs no package manager: fail the build if an entry point is missing.
RUN test -f server/dist/index.js && test -f server/dist/worker.js && test -f server/dist/migrate.js && test -d server/dist/migrations

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000
USER node
# SIGTERM drains: in-flight requests and running jobs get SHUTDOWN_DRAIN_SECONDS (30) — give the container longer
# (compose: stop_grace_period; Kubernetes: terminationGracePeriodSeconds).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "scripts/healthcheck.mjs", "http://127.0.0.1:3000/api/health/ready", "http://127.0.0.1:3000/api/health"]
CMD ["node", "server/dist/index.js"]
