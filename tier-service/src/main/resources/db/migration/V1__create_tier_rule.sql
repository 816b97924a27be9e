-- Tier rules as data: operators change thresholds and benefits with PUT /api/v1/admin/tiers/{code}, no deploy.
-- growth_threshold is rolling 365-day growth; SILVER's 1 means "any growth", and the first completed order grants
-- SILVER whatever its size. revision grows with every change; members carry the revision they were last evaluated
-- against, so a change reaches every member (ADMIN_RULES) even across instances and restarts.
CREATE TABLE tier_rule
(
  code              VARCHAR(32)   NOT NULL,
  name              VARCHAR(32)   NOT NULL,
  tier_rank         INT           NOT NULL,
  growth_threshold  BIGINT        NOT NULL,
  points_multiplier DECIMAL(4, 2) NOT NULL,
  monthly_coupons   INT           NOT NULL,
  revision          BIGINT        NOT NULL,
  updated_at        DATETIME(6)   NOT NULL,
  updated_by        VARCHAR(128)  NOT NULL,
  PRIMARY KEY (code),
  UNIQUE KEY tier_rule_by_rank (tier_rank)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO tier_rule (code, name, tier_rank, growth_threshold, points_multiplier, monthly_coupons, revision, updated_at, updated_by)
VALUES ('REGULAR', '普通', 1, 0, 1.00, 2, 0, '2026-01-01 00:00:00', 'flyway'),
       ('SILVER', '白银', 2, 1, 1.00, 2, 0, '2026-01-01 00:00:00', 'flyway'),
       ('GOLD', '黄金', 3, 2000, 1.20, 5, 0, '2026-01-01 00:00:00', 'flyway'),
       ('PLATINUM', '铂金', 4, 8000, 1.30, 6, 0, '2026-01-01 00:00:00', 'flyway'),
       ('DIAMOND', '钻石', 5, 20000, 1.50, 8, 0, '2026-01-01 00:00:00', 'flyway'),
       ('BLACK_DIAMOND', '黑钻', 6, 50000, 2.00, 10, 0, '2026-01-01 00:00:00', 'flyway');

-- Every change to a rule: who (the token subject), when, and the rule before and after as JSON text.
CREATE TABLE tier_rule_audit
(
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  tier_code   VARCHAR(32)  NOT NULL,
  revision    BIGINT       NOT NULL,
  changed_by  VARCHAR(128) NOT NULL,
  changed_at  DATETIME(6)  NOT NULL,
  before_json TEXT         NOT NULL,
  after_json  TEXT         NOT NULL,
  PRIMARY KEY (id),
  INDEX tier_rule_audit_by_code (tier_code, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
