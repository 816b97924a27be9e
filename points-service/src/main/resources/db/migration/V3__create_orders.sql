-- Orders the BUs reported and their refunds; (bu, order_id) and (bu, refund_id) are applied once.
CREATE TABLE bu_order
(
  bu              VARCHAR(32)  NOT NULL,
  order_id        VARCHAR(64)  NOT NULL,
  member_id       VARCHAR(64)  NOT NULL,
  amount_fen      BIGINT       NOT NULL,
  category        VARCHAR(64)  NULL,
  occurred_at     DATETIME(6)  NOT NULL,
  points_earned   BIGINT       NOT NULL,
  growth_earned   BIGINT       NOT NULL,
  capped          TINYINT(1)   NOT NULL,
  lot_expires_at  DATETIME(6)  NOT NULL,
  refunded_fen    BIGINT       NOT NULL DEFAULT 0,
  points_reversed BIGINT       NOT NULL DEFAULT 0,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_refund
(
  bu              VARCHAR(32)  NOT NULL,
  refund_id       VARCHAR(64)  NOT NULL,
  order_id        VARCHAR(64)  NOT NULL,
  amount_fen      BIGINT       NOT NULL,
  points_reversed BIGINT       NOT NULL,
  shortfall       BIGINT       NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, refund_id),
  KEY order_refund_by_order (bu, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
