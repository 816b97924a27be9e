-- Business units are data, not an enum: a new BU is a row. A BU code doubles as a scene (where a benefit is used).
CREATE TABLE business_unit
(
  code       VARCHAR(32)  NOT NULL,
  name       VARCHAR(64)  NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO business_unit (code, name, created_at) VALUES
  ('FOOD_DELIVERY', '外卖', UTC_TIMESTAMP(6)),
  ('DINE_IN', '到店餐饮', UTC_TIMESTAMP(6)),
  ('HOTEL', '酒店', UTC_TIMESTAMP(6)),
  ('TRAVEL', '旅行', UTC_TIMESTAMP(6)),
  ('ENTERTAINMENT', '休闲娱乐', UTC_TIMESTAMP(6)),
  ('HEALTH', '医疗健康', UTC_TIMESTAMP(6)),
  ('RETAIL', '零售', UTC_TIMESTAMP(6));
