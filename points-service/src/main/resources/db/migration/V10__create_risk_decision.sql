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

-- Earnings a large-earning decision parked for review (design §14, checkpoint EARNING): the order is stored with no
-- points, and what it would have earned waits here under the review's id. risk.review_decided carries it out once:
-- APPROVED credits the points (less the share refunds took meanwhile, credited), REJECTED credits nothing.
CREATE TABLE parked_earning
(
  review_id  CHAR(36)    NOT NULL,
  bu         VARCHAR(32) NOT NULL,
  order_id   VARCHAR(64) NOT NULL,
  member_id  VARCHAR(64) NOT NULL,
  points     BIGINT      NOT NULL,
  growth     BIGINT      NOT NULL,
  capped     TINYINT(1)  NOT NULL,
  status     VARCHAR(16) NOT NULL,
  credited   BIGINT      NOT NULL DEFAULT 0,
  parked_at  DATETIME(6) NOT NULL,
  decided_at DATETIME(6) NULL,
  decided_by VARCHAR(64) NULL,
  PRIMARY KEY (review_id),
  UNIQUE KEY parked_earning_by_order (bu, order_id),
  INDEX parked_earning_by_member (member_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
