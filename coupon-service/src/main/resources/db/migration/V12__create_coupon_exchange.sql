-- Points for 神券 (design §12, decision 0045): a template may carry a price in points. An exchange is a saga across
-- points-service by events: REQUESTED (its request in the outbox) → ISSUED (points held, coupon issued, the hold's
-- confirmation in the outbox, all in one transaction) or FAILED (with why; any hold released). The key is the
-- member's exchangeId, so a retried request never exchanges twice.
ALTER TABLE coupon_template ADD COLUMN points_price BIGINT NULL;

CREATE TABLE coupon_exchange
(
  member_id    VARCHAR(64)  NOT NULL,
  exchange_id  VARCHAR(64)  NOT NULL,
  template_id  VARCHAR(64)  NOT NULL,
  points       BIGINT       NOT NULL,
  funding_bu   VARCHAR(32)  NOT NULL,
  status       VARCHAR(16)  NOT NULL,
  reason       VARCHAR(32)  NULL,
  coupon_id    VARCHAR(36)  NULL,
  requested_at DATETIME(6)  NOT NULL,
  resolved_at  DATETIME(6)  NULL,
  PRIMARY KEY (member_id, exchange_id),
  INDEX coupon_exchange_pending (status, requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
