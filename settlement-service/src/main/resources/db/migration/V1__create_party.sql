-- The parties that settle with each other: the seven business units and the group platform. Data, not an enum,
-- so a new BU is a row (and an event naming an unknown party is dead-lettered until that row exists).
CREATE TABLE party
(
  code VARCHAR(32)  NOT NULL,
  name VARCHAR(100) NOT NULL,
  kind VARCHAR(16)  NOT NULL, -- BU | PLATFORM
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO party (code, name, kind) VALUES
  ('FOOD_DELIVERY', '外卖', 'BU'),
  ('DINE_IN', '到店餐饮', 'BU'),
  ('HOTEL', '酒店', 'BU'),
  ('TRAVEL', '旅行', 'BU'),
  ('ENTERTAINMENT', '娱乐', 'BU'),
  ('HEALTH', '健康', 'BU'),
  ('RETAIL', '零售', 'BU'),
  ('PLATFORM', '集团平台', 'PLATFORM');
