-- Issued coupons. source_ref names what issued the coupon (a claim key, a grant id, a reward rule, an allotment
-- month) and is unique, so no channel can issue the same coupon twice. code is what the member shows at a POS:
-- 128 random bits, base32.
CREATE TABLE coupon
(
  id           VARCHAR(36)  NOT NULL,
  template_id  VARCHAR(64)  NOT NULL,
  member_id    VARCHAR(64)  NOT NULL,
  code         VARCHAR(32)  NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  channel      VARCHAR(16)  NOT NULL,
  source_ref   VARCHAR(255) NOT NULL,
  issued_at    DATETIME(6)  NOT NULL,
  usable_from  DATETIME(6)  NOT NULL,
  expires_at   DATETIME(6)  NOT NULL,
  lock_id      VARCHAR(128) NULL,
  locked_by_bu VARCHAR(32)  NULL,
  redeemed_at  DATETIME(6)  NULL,
  redeemed_bu  VARCHAR(32)  NULL,
  order_ref    VARCHAR(200) NULL,
  redeemed_discount_fen BIGINT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY coupon_code (code),
  UNIQUE KEY coupon_source (source_ref),
  INDEX coupon_by_member (member_id, issued_at, id),
  INDEX coupon_by_status_expiry (status, expires_at),
  INDEX coupon_by_template (template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How many coupons of a template a member holds, raised only by a guarded increment (issued < per_member_limit).
CREATE TABLE member_template_count
(
  member_id   VARCHAR(64) NOT NULL,
  template_id VARCHAR(64) NOT NULL,
  issued      INT         NOT NULL,
  PRIMARY KEY (member_id, template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
