# Build stage: dev dependencies, type check, compiled JavaScript and a fresh index.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY seeds ./seeds
RUN npm run build && npm run build:index

# Run stage: production dependencies and the compiled app only.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/index ./index
COPY seeds ./seeds
USER node
CMD ["node", "dist/adapters/main.js"]
