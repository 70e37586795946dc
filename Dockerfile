# treaty-bot: docker build -t treaty-bot . — see the README's "Docker" section for docker run.
# Node 24 is an LTS line (supported to April 2028); the app also runs on Node 20.12+ (CI).

# Production dependencies, with the tools to build better-sqlite3 from source when no prebuilt binary fits.
FROM node:24-bookworm-slim AS deps
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json scripts/slim-node-modules.sh ./
RUN npm ci --omit=dev --no-audit --no-fund && ./slim-node-modules.sh && npm cache clean --force

# Build stage: dev dependencies, compiled JavaScript, and a check that the committed index matches the seeds.
FROM deps AS build
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY seeds ./seeds
COPY index ./index
RUN npm run build && npm run build:index -- --check

# Run stage: production dependencies and the compiled app only, as the unprivileged `node` user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data PORT=3000
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/index ./index
COPY --from=build /app/seeds ./seeds
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The process drains on SIGTERM: readiness fails, digests and answers in progress finish, the database closes.
STOPSIGNAL SIGTERM
# Liveness from /healthz (the image has no curl; node's fetch does it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/adapters/main.js"]
