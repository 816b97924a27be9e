-- Reward rules on events, as data. FIRST_ORDER_IN_BU: a member's first completed order in the rule's BU issues
-- one coupon of the template; reward_grant's key (rule, member) makes that at most once, however often or
-- concurrently the order events arrive.
CREATE TABLE reward_rule
(
  id           VARCHAR(64)  NOT NULL,
  trigger_type VARCHAR(32)  NOT NULL,
  bu           VARCHAR(32)  NOT NULL,
  template_id  VARCHAR(64)  NOT NULL,
  active       BOOLEAN      NOT NULL,
  description  VARCHAR(255) NOT NULL,
  PRIMARY KEY (id),
  INDEX reward_rule_by_bu (bu, trigger_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO reward_rule (id, trigger_type, bu, template_id, active, description)
VALUES ('first-dine-in-order', 'FIRST_ORDER_IN_BU', 'DINE_IN', 'tpl-first-dine-in-15', TRUE,
        'A member''s first DINE_IN order grants a 15 yuan coupon, funded by DINE_IN, usable everywhere for 30 days');

CREATE TABLE reward_grant
(
  rule_id    VARCHAR(64)  NOT NULL,
  member_id  VARCHAR(64)  NOT NULL,
  order_id   VARCHAR(128) NOT NULL,
  outcome    VARCHAR(32)  NOT NULL,
  coupon_id  VARCHAR(36)  NULL,
  granted_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (rule_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
