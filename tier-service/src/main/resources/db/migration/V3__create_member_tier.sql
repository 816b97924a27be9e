-- Each member's tier and the view last published about it. version counts the member's tier events (tier.changed
-- and tier.growth.changed) so consumers can ignore an older one; rules_revision is the rules revision the member was
-- last evaluated against; downgrade_period (yyyy-MM) makes the monthly downgrade apply at most once per member.
CREATE TABLE member_tier
(
  member_id        VARCHAR(64) NOT NULL,
  tier_code        VARCHAR(32) NOT NULL,
  reached_at       DATETIME(6) NOT NULL,
  retained_until   DATETIME(6) NULL,
  has_ordered      BOOLEAN     NOT NULL,
  growth           BIGINT      NOT NULL,
  next_tier        VARCHAR(32) NULL,
  growth_to_next   BIGINT      NOT NULL,
  version          BIGINT      NOT NULL,
  rules_revision   BIGINT      NOT NULL,
  downgrade_period CHAR(7)     NULL,
  registered_at    DATETIME(6) NULL,
  created_at       DATETIME(6) NOT NULL,
  updated_at       DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id),
  INDEX member_tier_by_rules_revision (rules_revision, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every tier event about a member, for GET /api/v1/tiers/me.
CREATE TABLE tier_history
(
  id         BIGINT      NOT NULL AUTO_INCREMENT,
  member_id  VARCHAR(64) NOT NULL,
  from_tier  VARCHAR(32) NULL,
  to_tier    VARCHAR(32) NOT NULL,
  reason     VARCHAR(16) NOT NULL,
  growth     BIGINT      NOT NULL,
  version    BIGINT      NOT NULL,
  changed_at DATETIME(6) NOT NULL,
  PRIMARY KEY (id),
  INDEX tier_history_by_member (member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Bookkeeping of scheduled jobs: one row per job and period (yyyy-MM or a date), started and finished.
CREATE TABLE job_run
(
  job         VARCHAR(64)  NOT NULL,
  period      VARCHAR(16)  NOT NULL,
  instance    VARCHAR(128) NOT NULL,
  started_at  DATETIME(6)  NOT NULL,
  finished_at DATETIME(6)  NULL,
  affected    BIGINT       NOT NULL,
  PRIMARY KEY (job, period)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
