-- A projection of membership.activated|renewed|lapsed|refunded: each paid member's monthly coupons (the plan's packs
-- and partner benefits, as JSON [{templateId, count}]) and until when they come. version orders a member's
-- membership events, so a late, older event never overwrites a newer one.
CREATE TABLE membership_pack
(
  member_id  VARCHAR(64) NOT NULL,
  plan_code  VARCHAR(32) NOT NULL,
  coupons    TEXT        NOT NULL,
  ends_at    DATETIME(6) NOT NULL,
  version    BIGINT      NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id),
  INDEX membership_pack_by_end (ends_at, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per paid member and month (Asia/Shanghai) whose coupons were issued: the key makes it at most once, on
-- activation and by the monthly job, on any number of instances.
CREATE TABLE membership_pack_issue
(
  member_id VARCHAR(64) NOT NULL,
  month     CHAR(7)     NOT NULL,
  plan_code VARCHAR(32) NOT NULL,
  issued    INT         NOT NULL,
  outcome   VARCHAR(32) NOT NULL,
  issued_at DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
