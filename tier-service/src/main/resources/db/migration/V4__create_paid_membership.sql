-- Paid membership plans (神会员 / 88VIP / PLUS). The discounts, benefits and revenue split are the plan's JSON
-- definition: read and written whole with the plan, never queried by their parts.
CREATE TABLE membership_plan
(
  code       VARCHAR(32)  NOT NULL,
  name       VARCHAR(64)  NOT NULL,
  period     VARCHAR(8)   NOT NULL,
  price_fen  BIGINT       NOT NULL,
  definition TEXT         NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per member who ever started a purchase: the row every change to their membership locks first, so two
-- purchases, payments or uses of one member happen one at a time. status: NONE (never active), ACTIVE, LAPSED,
-- REFUNDED; purchase_id is the paid purchase whose period ends at ends_at; version orders their events.
CREATE TABLE membership
(
  member_id   VARCHAR(64) NOT NULL,
  plan_code   VARCHAR(32) NULL,
  status      VARCHAR(16) NOT NULL,
  starts_at   DATETIME(6) NULL,
  ends_at     DATETIME(6) NULL,
  auto_renew  BOOLEAN     NOT NULL,
  purchase_id VARCHAR(64) NULL,
  version     BIGINT      NOT NULL,
  created_at  DATETIME(6) NOT NULL,
  updated_at  DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id),
  INDEX membership_by_status_end (status, ends_at, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every purchase, first or renewal. status: PENDING (awaiting payment), PAID, VOID (superseded, cancelled or lapsed
-- unpaid), REFUNDED. A payment id is taken once per paying BU. revenue_split is the plan's split when it was paid
-- (JSON), so a refund is split as its payment was even if the plan changed since.
CREATE TABLE membership_purchase
(
  purchase_id  VARCHAR(64) NOT NULL,
  member_id    VARCHAR(64) NOT NULL,
  plan_code    VARCHAR(32) NOT NULL,
  kind         VARCHAR(8)  NOT NULL,
  price_fen    BIGINT      NOT NULL,
  status       VARCHAR(16) NOT NULL,
  payment_id   VARCHAR(64) NULL,
  paying_bu    VARCHAR(32) NULL,
  paid_at      DATETIME(6) NULL,
  period_start DATETIME(6) NULL,
  period_end   DATETIME(6) NULL,
  revenue_split TEXT       NULL,
  refund_id    VARCHAR(64) NULL,
  refunded_fen BIGINT      NULL,
  refunded_at  DATETIME(6) NULL,
  created_at   DATETIME(6) NOT NULL,
  PRIMARY KEY (purchase_id),
  UNIQUE KEY membership_purchase_by_payment (paying_bu, payment_id),
  INDEX membership_purchase_by_member (member_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each use of a counted benefit, once per (bu, use_id). period (yyyy-MM, business time) is the month whose
-- allowance it draws on: a new month starts from the full allowance without a job resetting anything.
CREATE TABLE membership_benefit_use
(
  bu             VARCHAR(32) NOT NULL,
  use_id         VARCHAR(64) NOT NULL,
  member_id      VARCHAR(64) NOT NULL,
  benefit        VARCHAR(32) NOT NULL,
  period         CHAR(7)     NOT NULL,
  purchase_id    VARCHAR(64) NOT NULL,
  face_value_fen BIGINT      NOT NULL,
  used_at        DATETIME(6) NOT NULL,
  PRIMARY KEY (bu, use_id),
  INDEX membership_benefit_use_by_member (member_id, period, benefit),
  INDEX membership_benefit_use_by_purchase (purchase_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
