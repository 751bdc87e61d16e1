# Production image: build the API and the web app, then run them on a slim Node runtime.
FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json nx.json tsconfig.base.json eslint.config.mjs ./
COPY libs/domain/package.json libs/domain/package.json
RUN npm ci --no-audit --no-fund
COPY apps apps
COPY libs libs
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npx nx run-many -t build -p domain api web

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000 WEB_DIST_DIR=dist/apps/web
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/package.json
COPY --from=build /app/libs/domain/dist libs/domain/dist
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/apps dist/apps
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/apps/api/main.js"]
