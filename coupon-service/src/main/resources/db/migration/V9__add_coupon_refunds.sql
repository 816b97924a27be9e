-- Refunds reach coupons (decision 0037). refunded_at: a refund gave the coupon back (AVAILABLE again) or found it
-- past its validity (it stays REDEEMED), or took a reward back (REVOKED). A refund finds what was redeemed on its
-- order by (redeemed_bu, order_ref), and the rewards its order earned by the grant's member and order.
ALTER TABLE coupon ADD COLUMN refunded_at DATETIME(6) NULL;

CREATE INDEX coupon_by_order ON coupon (redeemed_bu, order_ref);

ALTER TABLE reward_grant ADD COLUMN refund_outcome VARCHAR(32) NULL;

CREATE INDEX reward_grant_by_order ON reward_grant (member_id, order_id);

-- The refunds of each order as they arrive, once each, so a run of partial refunds that adds up to the whole
-- order counts as a full refund.
CREATE TABLE order_refund_seen
(
  bu               VARCHAR(32)  NOT NULL,
  refund_id        VARCHAR(64)  NOT NULL,
  order_id         VARCHAR(64)  NOT NULL,
  refund_fen       BIGINT       NOT NULL,
  order_amount_fen BIGINT       NOT NULL,
  seen_at          DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, refund_id),
  KEY order_refund_seen_by_order (bu, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
