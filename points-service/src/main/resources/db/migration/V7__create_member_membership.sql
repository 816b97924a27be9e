-- A projection of membership events: each paid member's points multiplier (basis points, 10000 = none) and until
-- when it applies. version orders a member's membership events, so a late, older event never overwrites a newer one.
CREATE TABLE member_membership
(
  member_id     VARCHAR(64) NOT NULL,
  plan_code     VARCHAR(32) NOT NULL,
  multiplier_bp INT         NOT NULL,
  ends_at       DATETIME(6) NOT NULL,
  version       BIGINT      NOT NULL,
  updated_at    DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
