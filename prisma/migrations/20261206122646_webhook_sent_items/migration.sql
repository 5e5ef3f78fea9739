-- CreateTable
CREATE TABLE "FollowWebhookSent" (
    "userId" UUID NOT NULL,
    "itemId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FollowWebhookSent_pkey" PRIMARY KEY ("userId","itemId")
);

-- CreateIndex
CREATE INDEX "FollowWebhookSent_userId_at_idx" ON "FollowWebhookSent"("userId", "at");

-- AddForeignKey
ALTER TABLE "FollowWebhookSent" ADD CONSTRAINT "FollowWebhookSent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "FollowWebhook"("userId") ON DELETE CASCADE ON UPDATE CASCADE;
