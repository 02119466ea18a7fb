-- Issue 14: the service's shared state. Portable SQL: runs on PostgreSQL 15+ and on H2 2.x (the embedded
-- default), so both run the same migrations. No patient, encounter or user id in clear: *_key columns hold
-- HMAC-SHA256 keyed hashes (cds.store.id-hash-key), base64url, 43 characters.

-- JWT replay protection: each (iss, jti) once, until its token expires (then deleted by the retention job).
CREATE TABLE replay_jti (
    iss        VARCHAR(512) NOT NULL,
    jti        VARCHAR(256) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT replay_jti_pk PRIMARY KEY (iss, jti)
);
CREATE INDEX replay_jti_expires ON replay_jti (expires_at);

-- One row per card issued. The ledger columns (scope_key, fingerprint, orders) serve order-sign
-- de-duplication for 24 h and are then cleared; the row stays for the feedback retention (analytics).
CREATE TABLE issued_card (
    card_uuid         VARCHAR(64)  NOT NULL,
    service_id        VARCHAR(64)  NOT NULL,
    hook              VARCHAR(32)  NOT NULL,
    card_type         VARCHAR(64),
    indicator         VARCHAR(16)  NOT NULL,
    knowledge_version VARCHAR(64),
    instance_id       VARCHAR(64)  NOT NULL,
    owner_key         VARCHAR(600) NOT NULL,
    patient_key       VARCHAR(64)  NOT NULL,
    encounter_key     VARCHAR(64),
    user_key          VARCHAR(64),
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    scope_key         VARCHAR(64),
    fingerprint       VARCHAR(64),
    orders            VARCHAR(4000),
    CONSTRAINT issued_card_pk PRIMARY KEY (card_uuid)
);
CREATE INDEX issued_card_scope ON issued_card (scope_key, issued_at);

-- One row per feedback outcome (accepted / overridden), with what analytics needs and no more.
CREATE TABLE feedback (
    dedup_key            VARCHAR(64)  NOT NULL,
    card_uuid            VARCHAR(128) NOT NULL,
    service_id           VARCHAR(64)  NOT NULL,
    owner_key            VARCHAR(600) NOT NULL,
    outcome              VARCHAR(16)  NOT NULL,
    override_reason      VARCHAR(400),
    comment_present      BOOLEAN      NOT NULL,
    comment_text         VARCHAR(1000),
    accepted_suggestion  VARCHAR(128),
    accepted_suggestions VARCHAR(8000),
    outcome_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    instance_id          VARCHAR(64)  NOT NULL,
    hook                 VARCHAR(32),
    card_type            VARCHAR(64),
    indicator            VARCHAR(16),
    knowledge_version    VARCHAR(64),
    patient_key          VARCHAR(64),
    encounter_key        VARCHAR(64),
    user_key             VARCHAR(64),
    CONSTRAINT feedback_pk PRIMARY KEY (dedup_key)
);
CREATE INDEX feedback_card ON feedback (card_uuid);
