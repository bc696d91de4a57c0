-- CreateTable
CREATE TABLE "JobSeeker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "regionCode" TEXT NOT NULL,
    "name" TEXT,
    "idNumberEnc" TEXT,
    "idNumberHash" TEXT,
    "idNumberMask" TEXT,
    "phoneEnc" TEXT,
    "phoneMask" TEXT,
    "birthDate" TEXT,
    "sex" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "consentAt" DATETIME,
    "sensitiveConsentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "registeredAt" DATETIME NOT NULL,
    "reason" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Registration_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegistrationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registrationId" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegistrationEvent_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChannelAddress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "userKey" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "jobSeekerId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChannelAddress_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "conversationKey" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'bot',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TranscriptMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "conversationKey" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "activityId" TEXT,
    "sender" TEXT NOT NULL,
    "text" TEXT,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ContactRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "registrationId" TEXT,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "serviceKinds" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT,
    "actor" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContactRecord_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutreachTask" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT NOT NULL,
    "registrationId" TEXT,
    "kind" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutreachTask_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HandoffCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jobSeekerId" TEXT,
    "conversationKey" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "caseworkerId" TEXT,
    "excerpt" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    CONSTRAINT "HandoffCase_jobSeekerId_fkey" FOREIGN KEY ("jobSeekerId") REFERENCES "JobSeeker" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Caseworker" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CaseworkerSession" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "caseworkerId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseworkerSession_caseworkerId_fkey" FOREIGN KEY ("caseworkerId") REFERENCES "Caseworker" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "details" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "WebchatConversation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebchatActivity" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "conversationId" TEXT NOT NULL,
    "clientActivityId" TEXT,
    "activity" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebchatActivity_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "WebchatConversation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "JobSeeker_idNumberHash_key" ON "JobSeeker"("idNumberHash");

-- CreateIndex
CREATE INDEX "Registration_regionCode_status_idx" ON "Registration"("regionCode", "status");

-- CreateIndex
CREATE INDEX "Registration_jobSeekerId_idx" ON "Registration"("jobSeekerId");

-- CreateIndex
CREATE INDEX "RegistrationEvent_registrationId_idx" ON "RegistrationEvent"("registrationId");

-- CreateIndex
CREATE INDEX "ChannelAddress_jobSeekerId_idx" ON "ChannelAddress"("jobSeekerId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelAddress_channel_userKey_key" ON "ChannelAddress"("channel", "userKey");

-- CreateIndex
CREATE INDEX "TranscriptMessage_conversationKey_at_idx" ON "TranscriptMessage"("conversationKey", "at");

-- CreateIndex
CREATE UNIQUE INDEX "TranscriptMessage_conversationKey_direction_activityId_key" ON "TranscriptMessage"("conversationKey", "direction", "activityId");

-- CreateIndex
CREATE INDEX "ContactRecord_jobSeekerId_at_idx" ON "ContactRecord"("jobSeekerId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "OutreachTask_idempotencyKey_key" ON "OutreachTask"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutreachTask_status_dueAt_idx" ON "OutreachTask"("status", "dueAt");

-- CreateIndex
CREATE INDEX "HandoffCase_regionCode_status_idx" ON "HandoffCase"("regionCode", "status");

-- CreateIndex
CREATE INDEX "HandoffCase_conversationKey_status_idx" ON "HandoffCase"("conversationKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Caseworker_username_key" ON "Caseworker"("username");

-- CreateIndex
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "WebchatActivity_conversationId_seq_idx" ON "WebchatActivity"("conversationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "WebchatActivity_conversationId_clientActivityId_key" ON "WebchatActivity"("conversationId", "clientActivityId");
