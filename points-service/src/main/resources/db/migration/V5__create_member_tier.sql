-- Local projection of tier.changed: each member's points multiplier. version orders a member's tier events.
CREATE TABLE member_tier
(
  member_id         VARCHAR(64)  NOT NULL,
  tier              VARCHAR(32)  NOT NULL,
  points_multiplier DECIMAL(8,4) NOT NULL,
  version           BIGINT       NOT NULL,
  updated_at        DATETIME(6)  NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
