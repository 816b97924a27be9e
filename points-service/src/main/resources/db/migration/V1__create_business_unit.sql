-- The business units that report orders and take points, with their earn and growth rates. A new BU is a row.
-- Rates are basis points per yuan: 10000 = 1 point (or 1 growth) per ¥1 (100 fen).
CREATE TABLE business_unit
(
  code                VARCHAR(32)  NOT NULL,
  name                VARCHAR(64)  NOT NULL,
  points_per_yuan_bp  INT          NOT NULL,
  growth_per_yuan_bp  INT          NOT NULL,
  active              TINYINT(1)   NOT NULL DEFAULT 1,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO business_unit (code, name, points_per_yuan_bp, growth_per_yuan_bp) VALUES
  ('FOOD_DELIVERY', '外卖', 10000, 10000),
  ('DINE_IN', '到店餐饮', 10000, 10000),
  ('HOTEL', '酒店', 10000, 10000),
  ('TRAVEL', '旅行', 10000, 10000),
  ('ENTERTAINMENT', '休闲娱乐', 10000, 10000),
  ('HEALTH', '医疗健康', 10000, 10000),
  ('RETAIL', '零售', 10000, 10000);
