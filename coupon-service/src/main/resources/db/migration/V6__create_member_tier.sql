-- A projection of tier.changed: each member's tier and monthly 神券 count. version orders a member's tier events,
-- so a late, older event never overwrites a newer one.
CREATE TABLE member_tier
(
  member_id       VARCHAR(64) NOT NULL,
  tier            VARCHAR(32) NOT NULL,
  monthly_coupons INT         NOT NULL,
  version         BIGINT      NOT NULL,
  updated_at      DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per member per month (Asia/Shanghai) that was allotted: the key makes the allotment at most once, on
-- any number of instances running the job at the same time.
CREATE TABLE tier_allotment
(
  member_id  VARCHAR(64) NOT NULL,
  month      CHAR(7)     NOT NULL,
  tier       VARCHAR(32) NOT NULL,
  issued     INT         NOT NULL,
  outcome    VARCHAR(32) NOT NULL,
  allotted_at DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
