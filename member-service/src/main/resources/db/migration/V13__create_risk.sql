-- Risk control (design §14, decision 0062). The rules operators write, and the thresholds that map a request's total
-- score to ALLOW, REVIEW or DENY; member-service publishes them to Redis for every service (risk:policy).
CREATE TABLE risk_rule
(
  rule_id        VARCHAR(64)  NOT NULL,
  name           VARCHAR(128) NOT NULL,
  checkpoint     VARCHAR(16)  NOT NULL,
  counter        VARCHAR(24)  NOT NULL,
  dimension      VARCHAR(16)  NOT NULL,
  window_seconds BIGINT       NOT NULL,
  threshold      INT          NOT NULL,
  score          INT          NOT NULL,
  enabled        BOOLEAN      NOT NULL,
  updated_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (rule_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row: the policy's version (grows with every change) and its thresholds.
CREATE TABLE risk_policy
(
  id         TINYINT     NOT NULL,
  version    BIGINT      NOT NULL,
  review_at  INT         NOT NULL,
  deny_at    INT         NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO risk_policy (id, version, review_at, deny_at, updated_at) VALUES (1, 1, 50, 100, CURRENT_TIMESTAMP(6));

-- The rules a platform starts with; operators change them through /api/v1/admin/risk/rules.
INSERT INTO risk_rule (rule_id, name, checkpoint, counter, dimension, window_seconds, threshold, score, enabled, updated_at)
VALUES ('registrations-per-device', 'more than 3 registrations on one device in 24 h',
        'REGISTRATION', 'REGISTRATIONS', 'DEVICE', 86400, 3, 100, TRUE, CURRENT_TIMESTAMP(6)),
       ('registrations-per-ip-range', 'more than 10 registrations from one IP /24 in an hour',
        'REGISTRATION', 'REGISTRATIONS', 'IP_RANGE', 3600, 10, 50, TRUE, CURRENT_TIMESTAMP(6)),
       ('registrations-per-phone-prefix', 'more than 20 registrations from one phone-number prefix in 10 minutes',
        'REGISTRATION', 'REGISTRATIONS', 'PHONE_PREFIX', 600, 20, 50, FALSE, CURRENT_TIMESTAMP(6)),
       ('claims-from-device-farm', 'a claim from a device that registered more than 3 members in 24 h',
        'CLAIM', 'REGISTRATIONS', 'DEVICE', 86400, 3, 100, TRUE, CURRENT_TIMESTAMP(6)),
       ('claims-from-shared-device', 'a claim from a device more than 3 members used in 24 h',
        'CLAIM', 'MEMBERS', 'DEVICE', 86400, 3, 100, TRUE, CURRENT_TIMESTAMP(6)),
       ('claims-from-busy-ip-range', 'a claim from an IP /24 that registered more than 10 members in an hour',
        'CLAIM', 'REGISTRATIONS', 'IP_RANGE', 3600, 10, 50, TRUE, CURRENT_TIMESTAMP(6)),
       ('claims-per-ip-range', 'more than 20 claims from one IP /24 in a minute',
        'CLAIM', 'CLAIMS', 'IP_RANGE', 60, 20, 50, TRUE, CURRENT_TIMESTAMP(6)),
       ('exchanges-from-device-farm', 'an exchange from a device that registered more than 3 members in 24 h',
        'EXCHANGE', 'REGISTRATIONS', 'DEVICE', 86400, 3, 100, TRUE, CURRENT_TIMESTAMP(6)),
       ('exchanges-per-member', 'more than 20 exchanges by one member in an hour',
        'EXCHANGE', 'EXCHANGES', 'MEMBER', 3600, 20, 50, TRUE, CURRENT_TIMESTAMP(6)),
       ('rewards-after-refunds', 'a reward for a member who had more than 2 rewarded orders refunded in 30 days',
        'REWARD', 'REWARDED_REFUNDS', 'MEMBER', 2592000, 2, 50, TRUE, CURRENT_TIMESTAMP(6)),
       ('large-earnings-per-member', 'more than 3 large earnings by one member in an hour',
        'EARNING', 'LARGE_EARNINGS', 'MEMBER', 3600, 3, 50, TRUE, CURRENT_TIMESTAMP(6));

-- Decisions a rule fired on, and every REVIEW and DENY: outcome, score, the rules with their counts and the signals
-- (the counted keys; never a full phone number). The same table is in each deciding service's database.
CREATE TABLE risk_decision
(
  id             CHAR(36)     NOT NULL,
  checkpoint     VARCHAR(16)  NOT NULL,
  outcome        VARCHAR(8)   NOT NULL,
  score          INT          NOT NULL,
  member_id      VARCHAR(64)  NULL,
  subject_ref    VARCHAR(128) NOT NULL,
  rules          TEXT         NOT NULL,
  signals        TEXT         NOT NULL,
  policy_version BIGINT       NOT NULL,
  decided_at     DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  INDEX risk_decision_by_member (member_id, decided_at),
  INDEX risk_decision_by_time (decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The operators' queue: every parked action of every service (risk.review_opened), until approved or rejected.
CREATE TABLE risk_review
(
  review_id   CHAR(36)     NOT NULL,
  service     VARCHAR(32)  NOT NULL,
  checkpoint  VARCHAR(16)  NOT NULL,
  member_id   VARCHAR(64)  NOT NULL,
  subject_ref VARCHAR(128) NOT NULL,
  score       INT          NOT NULL,
  rules       TEXT         NOT NULL,
  signals     TEXT         NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  opened_at   DATETIME(6)  NOT NULL,
  decided_at  DATETIME(6)  NULL,
  decided_by  VARCHAR(64)  NULL,
  PRIMARY KEY (review_id),
  INDEX risk_review_queue (status, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members who earn, spend and claim nothing: FROZEN by an operator, or PENDING_REVIEW (registered under review).
CREATE TABLE member_risk_state
(
  member_id  VARCHAR(32)  NOT NULL,
  state      VARCHAR(16)  NOT NULL,
  reason     VARCHAR(255) NULL,
  review_id  CHAR(36)     NULL,
  since      DATETIME(6)  NOT NULL,
  changed_by VARCHAR(64)  NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
