# Claimline on a PostgreSQL server, one container per app instance.
#   docker build -t claimline .
#   docker run -e DATABASE_URL=postgresql://user:pass@db:5432/claimline -e CLAIMLINE_PUBLIC_URL=https://claims.example.org -p 3000:3000 claimline
# Each container applies pending migrations before it serves (the migration runner holds
# PostgreSQL's advisory lock, so instances starting together take turns), then runs `next start`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci && npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 CLAIMLINE_DEMO_DATA=0
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "npm run db:migrate && exec node node_modules/next/dist/bin/next start -H 0.0.0.0 -p \"$PORT\""]
