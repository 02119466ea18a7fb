-- Issue 14, second step: which regimen an accepted suggestion was (first = recommended, or an alternative),
-- the lease that lets one instance at a time run the retention deletes, and the indexes the retention job
-- and the date-range analytics (issue 15: issued / accepted / overridden / no feedback) read by.
ALTER TABLE feedback ADD COLUMN regimen VARCHAR(16);

CREATE TABLE store_lease (
    name       VARCHAR(64)  NOT NULL,
    holder     VARCHAR(64),
    held_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT store_lease_pk PRIMARY KEY (name)
);
INSERT INTO store_lease (name, holder, held_until) VALUES ('retention', NULL, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');

CREATE INDEX issued_card_issued_at ON issued_card (issued_at);
CREATE INDEX feedback_outcome_at ON feedback (outcome_at);
CREATE INDEX feedback_received_at ON feedback (received_at);
