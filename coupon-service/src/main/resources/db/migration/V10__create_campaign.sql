-- Campaigns as data (design §12, decision 0043): a trigger, actions and an audience stored as JSON documents the
-- service validates on the way in; the columns the evaluation filters on are plain columns. version counts the
-- changes, each of which campaign_audit records with who made it and the campaign before and after.
CREATE TABLE campaign
(
  id               VARCHAR(64)  NOT NULL,
  name             VARCHAR(64)  NOT NULL,
  funding_bu       VARCHAR(32)  NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  trigger_type     VARCHAR(32)  NOT NULL,
  trigger_json     TEXT         NOT NULL,
  actions_json     TEXT         NOT NULL,
  audience_json    TEXT         NULL,
  holdout_percent  INT          NULL,
  starts_at        DATETIME(6)  NOT NULL,
  ends_at          DATETIME(6)  NOT NULL,
  per_member_cap   INT          NOT NULL,
  version          BIGINT       NOT NULL,
  created_by       VARCHAR(128) NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  updated_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  INDEX campaign_by_status (status, trigger_type),
  INDEX campaign_by_funding_bu (funding_bu, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE campaign_audit
(
  campaign_id VARCHAR(64)  NOT NULL,
  version     BIGINT       NOT NULL,
  change_kind VARCHAR(16)  NOT NULL,
  actor       VARCHAR(128) NOT NULL,
  changed_at  DATETIME(6)  NOT NULL,
  before_json TEXT         NULL,
  after_json  TEXT         NOT NULL,
  PRIMARY KEY (campaign_id, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per (campaign, member, trigger occurrence): the key makes every action at most once however the events
-- arrive or a job reruns. outcome is ISSUED, HOLDOUT (assigned to the split's holdout, nothing granted), CAP_REACHED
-- or why the coupon was refused. source_ref is what claimed the row (an order id, a job window), order_bu/order_id
-- the order that triggered it, so a refund finds the rewards its order earned.
CREATE TABLE campaign_reward
(
  campaign_id    VARCHAR(64)  NOT NULL,
  member_id      VARCHAR(64)  NOT NULL,
  occurrence     VARCHAR(128) NOT NULL,
  source_ref     VARCHAR(160) NOT NULL,
  order_bu       VARCHAR(32)  NULL,
  order_id       VARCHAR(128) NULL,
  outcome        VARCHAR(32)  NOT NULL,
  coupon_id      VARCHAR(36)  NULL,
  rewarded_at    DATETIME(6)  NOT NULL,
  refund_outcome VARCHAR(32)  NULL,
  PRIMARY KEY (campaign_id, member_id, occurrence),
  INDEX campaign_reward_by_order (member_id, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How many times each member was rewarded by a campaign, raised only under its row lock below the campaign's cap.
CREATE TABLE campaign_member_count
(
  campaign_id VARCHAR(64) NOT NULL,
  member_id   VARCHAR(64) NOT NULL,
  rewarded    INT         NOT NULL,
  PRIMARY KEY (campaign_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The completed orders campaigns have seen, once each by (bu, order_id): the history firstInBu, nthOrder, CROSS_BU
-- and INACTIVE read, and the orders and spend the uplift report counts.
CREATE TABLE campaign_order
(
  bu           VARCHAR(32)  NOT NULL,
  order_id     VARCHAR(128) NOT NULL,
  member_id    VARCHAR(64)  NOT NULL,
  amount_fen   BIGINT       NOT NULL,
  completed_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, order_id),
  INDEX campaign_order_by_member (member_id, bu, completed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The hard-coded first-dine-in rule becomes a seeded campaign with the same id, and its grants become the
-- campaign's rewards, so a member rewarded before is not rewarded again.
INSERT INTO campaign (id, name, funding_bu, status, trigger_type, trigger_json, actions_json, audience_json,
                      holdout_percent, starts_at, ends_at, per_member_cap, version, created_by, created_at, updated_at)
VALUES ('first-dine-in-order', '首次到店餐饮送15元神券', 'DINE_IN', 'ACTIVE', 'ORDER_COMPLETED',
        '{"type":"ORDER_COMPLETED","bu":"DINE_IN","firstInBu":true}',
        '[{"type":"GRANT_COUPON","templateId":"tpl-first-dine-in-15"}]', NULL, NULL,
        '2000-01-01 00:00:00', '2099-12-31 00:00:00', 1, 1, 'flyway', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

INSERT INTO campaign_audit (campaign_id, version, change_kind, actor, changed_at, before_json, after_json)
VALUES ('first-dine-in-order', 1, 'CREATED', 'flyway', UTC_TIMESTAMP(6), NULL,
        '{"migratedFrom":"reward_rule first-dine-in-order"}');

INSERT INTO campaign_reward (campaign_id, member_id, occurrence, source_ref, order_bu, order_id, outcome, coupon_id,
                             rewarded_at, refund_outcome)
SELECT 'first-dine-in-order', g.member_id, 'first-in-bu:DINE_IN', g.order_id, r.bu, g.order_id, g.outcome,
       g.coupon_id, g.granted_at, g.refund_outcome
  FROM reward_grant g JOIN reward_rule r ON r.id = g.rule_id
 WHERE g.rule_id = 'first-dine-in-order';

INSERT INTO campaign_member_count (campaign_id, member_id, rewarded)
SELECT 'first-dine-in-order', member_id, 1 FROM reward_grant
 WHERE rule_id = 'first-dine-in-order' AND outcome = 'ISSUED';

DROP TABLE reward_grant;
DROP TABLE reward_rule;
