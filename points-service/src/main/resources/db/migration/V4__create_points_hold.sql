-- Two-phase spending: a hold freezes points until it is confirmed, cancelled or expires; it resolves once.
CREATE TABLE points_hold
(
  bu          VARCHAR(32)  NOT NULL,
  hold_id     VARCHAR(64)  NOT NULL,
  member_id   VARCHAR(64)  NOT NULL,
  points      BIGINT       NOT NULL,
  order_ref   VARCHAR(128) NOT NULL,
  status      VARCHAR(16)  NOT NULL,
  expires_at  DATETIME(6)  NOT NULL,
  created_at  DATETIME(6)  NOT NULL,
  resolved_at DATETIME(6)  NULL,
  PRIMARY KEY (bu, hold_id),
  KEY points_hold_due (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
