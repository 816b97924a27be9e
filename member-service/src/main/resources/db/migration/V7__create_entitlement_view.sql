-- The entitlement view, kept from tier, points and coupon events: one row per member is the record (Redis caches
-- it). Each source has its own version so an older event never overwrites a newer one; row_version grows with
-- every change and orders the cached copies.
CREATE TABLE entitlement_view
(
  member_id      VARCHAR(64) NOT NULL,
  view_json      MEDIUMTEXT  NOT NULL,
  tier_version   BIGINT      NOT NULL DEFAULT 0,
  growth_version BIGINT      NOT NULL DEFAULT 0,
  points_version BIGINT      NOT NULL DEFAULT 0,
  row_version    BIGINT      NOT NULL DEFAULT 0,
  updated_at     DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The member's coupons as the view knows them. Redeemed and expired coupons stay a while as tombstones, so a late
-- or replayed event cannot bring them back; a row without terms is a coupon whose coupon.issued has not arrived.
CREATE TABLE entitlement_coupon
(
  coupon_id     VARCHAR(64)  NOT NULL,
  member_id     VARCHAR(64)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  lock_id       VARCHAR(64)  NULL,
  terms_json    TEXT         NULL,
  last_event_at DATETIME(6)  NOT NULL,
  updated_at    DATETIME(6)  NOT NULL,
  PRIMARY KEY (coupon_id),
  INDEX entitlement_coupon_by_member (member_id),
  INDEX entitlement_coupon_by_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members whose cached view could not be replaced in Redis (Redis was away); rewritten from MySQL when it is back.
CREATE TABLE entitlement_cache_repair
(
  member_id   VARCHAR(64) NOT NULL,
  row_version BIGINT      NOT NULL,
  queued_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
