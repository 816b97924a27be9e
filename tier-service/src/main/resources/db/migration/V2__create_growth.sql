-- Growth per ¥1 of order amount, per business unit, in basis points: 10000 = 1 growth per ¥1. A new BU is a row.
CREATE TABLE business_unit
(
  code           VARCHAR(32) NOT NULL,
  name           VARCHAR(64) NOT NULL,
  growth_rate_bp INT         NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO business_unit (code, name, growth_rate_bp)
VALUES ('FOOD_DELIVERY', '外卖', 10000),
       ('DINE_IN', '到店餐饮', 10000),
       ('HOTEL', '酒店', 10000),
       ('TRAVEL', '旅行', 10000),
       ('ENTERTAINMENT', '娱乐', 10000),
       ('HEALTH', '医疗健康', 10000),
       ('RETAIL', '零售', 10000);

-- One row per completed order: the growth it earned, dated by the order's business day (Asia/Shanghai), and how much
-- of it refunds reversed. Rolling growth is the sum of (growth - reversed) over the last 365 business days.
CREATE TABLE growth_entry
(
  bu            VARCHAR(32)  NOT NULL,
  order_id      VARCHAR(128) NOT NULL,
  member_id     VARCHAR(64)  NOT NULL,
  amount_fen    BIGINT       NOT NULL,
  growth        BIGINT       NOT NULL,
  reversed      BIGINT       NOT NULL,
  occurred_at   DATETIME(6)  NOT NULL,
  business_date DATE         NOT NULL,
  recorded_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, order_id),
  INDEX growth_entry_by_member_date (member_id, business_date),
  INDEX growth_entry_by_date (business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every refund, applied or not: a refund that arrives before its order waits here and is applied when it comes.
CREATE TABLE growth_refund
(
  bu               VARCHAR(32)  NOT NULL,
  order_id         VARCHAR(128) NOT NULL,
  refund_id        VARCHAR(128) NOT NULL,
  member_id        VARCHAR(64)  NOT NULL,
  refund_fen       BIGINT       NOT NULL,
  order_amount_fen BIGINT       NOT NULL,
  occurred_at      DATETIME(6)  NOT NULL,
  recorded_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, order_id, refund_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
