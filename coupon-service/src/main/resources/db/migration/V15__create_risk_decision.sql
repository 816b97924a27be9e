-- Risk control (design §14, decision 0062): coupon-service's decisions at claim, exchange and reward.
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
