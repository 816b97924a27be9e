-- Campaign bonus points (decision 0067), each applied once. campaign_bonus: one row per campaign.rewarded
-- BONUS_POINTS (campaign, member, occurrence), a fixed bonus (points) or a multiplier's window (multiplier_bp and
-- the window); outcome APPLIED or FROZEN (the member was frozen: nothing credited, no window). order_id is the order
-- that fired the campaign, if one did (what a refund of it would take the bonus back by; not done yet, decision 0067).
CREATE TABLE campaign_bonus
(
  campaign_id      VARCHAR(64)  NOT NULL,
  member_id        VARCHAR(64)  NOT NULL,
  occurrence       VARCHAR(128) NOT NULL,
  funding_bu       VARCHAR(32)  NOT NULL,
  order_id         VARCHAR(128) NULL,
  points           BIGINT       NULL,
  multiplier_bp    INT          NULL,
  window_starts_at DATETIME(6)  NULL,
  window_ends_at   DATETIME(6)  NULL,
  outcome          VARCHAR(16)  NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (campaign_id, member_id, occurrence),
  INDEX campaign_bonus_windows (member_id, window_ends_at),
  INDEX campaign_bonus_by_order (member_id, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The extra a window gave one order, once per (window, order).
CREATE TABLE campaign_bonus_order
(
  campaign_id  VARCHAR(64)  NOT NULL,
  member_id    VARCHAR(64)  NOT NULL,
  occurrence   VARCHAR(128) NOT NULL,
  bu           VARCHAR(32)  NOT NULL,
  order_id     VARCHAR(128) NOT NULL,
  order_points BIGINT       NOT NULL,
  extra_points BIGINT       NOT NULL,
  created_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (campaign_id, member_id, occurrence, bu, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
