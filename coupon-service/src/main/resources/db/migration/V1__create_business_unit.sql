-- Business units as data: a new BU is a row. A scene BU is a place where a coupon can be used; PLATFORM (the group
-- itself) funds tier allotments and platform campaigns but is no scene.
CREATE TABLE business_unit
(
  code     VARCHAR(32) NOT NULL,
  name     VARCHAR(64) NOT NULL,
  is_scene BOOLEAN     NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO business_unit (code, name, is_scene)
VALUES ('FOOD_DELIVERY', '外卖', TRUE),
       ('DINE_IN', '到店餐饮', TRUE),
       ('HOTEL', '酒店', TRUE),
       ('TRAVEL', '旅行', TRUE),
       ('ENTERTAINMENT', '娱乐', TRUE),
       ('HEALTH', '医疗健康', TRUE),
       ('RETAIL', '零售', TRUE),
       ('PLATFORM', '平台', FALSE);
