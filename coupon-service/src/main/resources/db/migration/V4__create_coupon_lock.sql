-- Two-phase checkout: a BU locks a coupon for an order, then redeems or releases it; a lock left alone expires.
-- Each lock resolves once: its status leaves LOCKED only through a guarded UPDATE.
CREATE TABLE coupon_lock
(
  bu           VARCHAR(32)  NOT NULL,
  lock_id      VARCHAR(128) NOT NULL,
  coupon_id    VARCHAR(36)  NOT NULL,
  member_id    VARCHAR(64)  NOT NULL,
  order_ref    VARCHAR(128) NOT NULL,
  amount_fen   BIGINT       NOT NULL,
  discount_fen BIGINT       NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  locked_at    DATETIME(6)  NOT NULL,
  expires_at   DATETIME(6)  NOT NULL,
  resolved_at  DATETIME(6)  NULL,
  PRIMARY KEY (bu, lock_id),
  INDEX coupon_lock_by_status_expiry (status, expires_at),
  INDEX coupon_lock_by_coupon (coupon_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
