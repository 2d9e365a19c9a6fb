# Image Studio: build the client and server, then run the API (with its in-process worker) on Node 22.
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN npm i -g pnpm@12
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY client/package.json client/
COPY server/package.json server/
COPY shared/package.json shared/
RUN pnpm install --frozen-lockfile
COPY . .
# The landing page is prerendered at build time: its canonical, Open Graph and sitemap URLs need the public origin.
ARG SITE_URL=http://localhost:3000
ENV SITE_URL=${SITE_URL}
RUN pnpm build && pnpm prune --prod

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 3000
USER node
CMD ["node", "server/dist/index.js"]
