-- Webhooks (decision 0055): endpoints BUs and merchants register, the deliveries owed to them (an outbox per
-- endpoint, one row per endpoint and event), the notices told to their owners, and which BUs a member belongs to.
CREATE TABLE webhook_endpoint
(
  webhook_id     CHAR(36)      NOT NULL,
  owner_bu       VARCHAR(32)   NOT NULL,
  owner_merchant VARCHAR(64)   NOT NULL DEFAULT '',
  url            VARCHAR(2048) NOT NULL,
  event_types    VARCHAR(1024) NOT NULL,
  secret         VARCHAR(128)  NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  paused_reason  VARCHAR(16)   NULL,
  failing_since  DATETIME(6)   NULL,
  created_at     DATETIME(6)   NOT NULL,
  PRIMARY KEY (webhook_id),
  KEY webhook_endpoint_by_owner (owner_bu, owner_merchant)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE webhook_delivery
(
  delivery_id      BIGINT       NOT NULL AUTO_INCREMENT,
  webhook_id       CHAR(36)     NOT NULL,
  event_id         CHAR(36)     NOT NULL,
  event_type       VARCHAR(64)  NOT NULL,
  order_key        VARCHAR(64)  NOT NULL,
  shard            SMALLINT     NOT NULL,
  body             MEDIUMTEXT   NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  attempts         INT          NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(6)  NOT NULL,
  window_start     DATETIME(6)  NOT NULL,
  lease_until      DATETIME(6)  NULL,
  lease_owner      CHAR(36)     NULL,
  last_error       VARCHAR(512) NULL,
  delivered_at     DATETIME(6)  NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (delivery_id),
  UNIQUE KEY webhook_delivery_once (webhook_id, event_id),
  KEY webhook_delivery_due (status, next_attempt_at),
  KEY webhook_delivery_in_order (webhook_id, order_key, status, delivery_id),
  KEY webhook_delivery_by_endpoint (webhook_id, status, window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE webhook_notice
(
  notice_id      BIGINT        NOT NULL AUTO_INCREMENT,
  owner_bu       VARCHAR(32)   NOT NULL,
  owner_merchant VARCHAR(64)   NOT NULL DEFAULT '',
  webhook_id     CHAR(36)      NOT NULL,
  kind           VARCHAR(32)   NOT NULL,
  detail         VARCHAR(1024) NOT NULL,
  created_at     DATETIME(6)   NOT NULL,
  PRIMARY KEY (notice_id),
  KEY webhook_notice_by_owner (owner_bu, owner_merchant, notice_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A member is a BU's member once they earned points there, used a coupon it funds or redeems, or bought a plan it
-- sells: the BUs told of the member's tier.changed. A plan's seller is told of its membership.* events.
CREATE TABLE webhook_member_bu
(
  member_id VARCHAR(64) NOT NULL,
  bu        VARCHAR(32) NOT NULL,
  PRIMARY KEY (member_id, bu)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE webhook_plan_seller
(
  member_id VARCHAR(64) NOT NULL,
  plan_code VARCHAR(64) NOT NULL,
  bu        VARCHAR(32) NOT NULL,
  PRIMARY KEY (member_id, plan_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
