-- A 神券 template: its terms, its validity and the three limits issuing must never break. issued and
-- budget_used_fen are moved only by one guarded UPDATE, so stock and budget are decided by the database.
CREATE TABLE coupon_template
(
  id               VARCHAR(64)  NOT NULL,
  name             VARCHAR(64)  NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  discount_fen     BIGINT       NULL,
  percent_off      INT          NULL,
  max_discount_fen BIGINT       NULL,
  min_spend_fen    BIGINT       NOT NULL,
  scenes           VARCHAR(400) NOT NULL,
  funding_bu       VARCHAR(32)  NOT NULL,
  valid_days       INT          NULL,
  valid_from       DATETIME(6)  NULL,
  valid_to         DATETIME(6)  NULL,
  total_quantity   BIGINT       NOT NULL,
  per_member_limit INT          NOT NULL,
  budget_fen       BIGINT       NOT NULL,
  -- what one issued coupon can cost its funder at most (FIXED: the face, PERCENT: the cap); counted against budget
  face_value_fen   BIGINT       NOT NULL,
  issued           BIGINT       NOT NULL DEFAULT 0,
  budget_used_fen  BIGINT       NOT NULL DEFAULT 0,
  claimable        BOOLEAN      NOT NULL,
  created_by       VARCHAR(128) NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  INDEX coupon_template_by_funding_bu (funding_bu, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The default reward (a member's first DINE_IN order) and the monthly tier allotment. Neither can be claimed by
-- members; their quantity and budget are large because rules, not campaigns, ration them.
INSERT INTO coupon_template (id, name, kind, discount_fen, percent_off, max_discount_fen, min_spend_fen, scenes,
                             funding_bu, valid_days, valid_from, valid_to, total_quantity, per_member_limit,
                             budget_fen, face_value_fen, claimable, created_by, created_at)
VALUES ('tpl-first-dine-in-15', '15元神券', 'FIXED', 1500, NULL, NULL, 0, 'ALL',
        'DINE_IN', 30, NULL, NULL, 1000000000, 1,
        1500000000000, 1500, FALSE, 'flyway', UTC_TIMESTAMP(6)),
       ('tpl-monthly-tier', '会员月度神券', 'FIXED', 500, NULL, NULL, 2000, 'ALL',
        'PLATFORM', 30, NULL, NULL, 100000000000, 100000,
        50000000000000, 500, FALSE, 'flyway', UTC_TIMESTAMP(6));
