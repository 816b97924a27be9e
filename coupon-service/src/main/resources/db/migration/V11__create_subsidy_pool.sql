-- Subsidy pools (design §12, decision 0044): what a funding BU (or PLATFORM) may spend on coupons in a calendar
-- month (Asia/Shanghai), in fen. used_fen moves only by guarded updates under the row's lock, in the transaction
-- that issues the coupon, so the coupons issued against a pool never add up to more than its limit.
CREATE TABLE subsidy_pool
(
  bu         VARCHAR(32)  NOT NULL,
  month      CHAR(7)      NOT NULL,
  limit_fen  BIGINT       NOT NULL,
  used_fen   BIGINT       NOT NULL DEFAULT 0,
  updated_by VARCHAR(128) NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (bu, month)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
