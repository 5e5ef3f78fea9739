-- CreateTable
CREATE TABLE "FollowedFeed" (
    "id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "intervalSeconds" INTEGER NOT NULL DEFAULT 1800,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastPolledAt" TIMESTAMPTZ(3),
    "lastNewItemAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextPollAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "itemsIngested" INTEGER NOT NULL DEFAULT 0,
    "addedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FollowedFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntityFollow" (
    "userId" UUID NOT NULL,
    "entityId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EntityFollow_pkey" PRIMARY KEY ("userId","entityId")
);

-- CreateTable
CREATE TABLE "FollowReading" (
    "userId" UUID NOT NULL,
    "seenAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FollowReading_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "FollowedFeed_url_key" ON "FollowedFeed"("url");

-- CreateIndex
CREATE INDEX "FollowedFeed_paused_nextPollAt_idx" ON "FollowedFeed"("paused", "nextPollAt");

-- CreateIndex
CREATE INDEX "EntityFollow_entityId_idx" ON "EntityFollow"("entityId");

-- CreateIndex
CREATE INDEX "ClaimSuggestion_subjectId_createdAt_idx" ON "ClaimSuggestion"("subjectId", "createdAt");

-- AddForeignKey
ALTER TABLE "FollowedFeed" ADD CONSTRAINT "FollowedFeed_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityFollow" ADD CONSTRAINT "EntityFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntityFollow" ADD CONSTRAINT "EntityFollow_entityId_fkey" FOREIGN KEY ("entityId") REFERENCES "Entity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowReading" ADD CONSTRAINT "FollowReading_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
