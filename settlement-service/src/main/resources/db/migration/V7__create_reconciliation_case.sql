-- Cases reconciliation lists beside the pairs (decision 0038): REWARD_USED_BEFORE_REFUND, a reward coupon the member
-- had used before its order was refunded, left with the member. One row per source event.
CREATE TABLE reconciliation_case
(
  event_id    CHAR(36)     NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  member_id   VARCHAR(64)  NOT NULL,
  coupon_id   VARCHAR(128) NOT NULL,
  funding_bu  VARCHAR(32)  NOT NULL,
  order_bu    VARCHAR(32)  NOT NULL,
  order_ref   VARCHAR(128) NOT NULL,
  period      CHAR(7)      NOT NULL,
  happened_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (event_id),
  KEY reconciliation_case_by_period (period, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
