-- The points ledger: double-entry, append-only. A transfer moves points between accounts; its entries sum to zero.
-- Accounts are (account_type, account_ref): MEMBER_AVAILABLE / MEMBER_FROZEN / MEMBER_DEBT of a member,
-- BU_ISSUANCE of a BU, and the REDEMPTION and EXPIRY sinks, kept per issuing BU.
CREATE TABLE ledger_transfer
(
  seq             BIGINT       NOT NULL AUTO_INCREMENT,
  transfer_id     CHAR(36)     NOT NULL,
  kind            VARCHAR(16)  NOT NULL,
  member_id       VARCHAR(64)  NOT NULL,
  bu              VARCHAR(32)  NOT NULL,
  reference       VARCHAR(64)  NOT NULL,
  points          BIGINT       NOT NULL,
  available_delta BIGINT       NOT NULL,
  frozen_delta    BIGINT       NOT NULL,
  created_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY ledger_transfer_id (transfer_id),
  -- one business operation (an order's earning, a refund, a hold's freeze/spend/release) posts at most once
  UNIQUE KEY ledger_transfer_once (kind, bu, reference),
  KEY ledger_transfer_by_member (member_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE ledger_entry
(
  transfer_id  CHAR(36)     NOT NULL,
  leg          TINYINT      NOT NULL,
  account_type VARCHAR(20)  NOT NULL,
  account_ref  VARCHAR(64)  NOT NULL,
  amount       BIGINT       NOT NULL,
  PRIMARY KEY (transfer_id, leg),
  KEY ledger_entry_by_account (account_ref, account_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Each member's balance, kept in the same transaction as the entries and guarded; its row lock serializes every
-- change of one member. debt is the refund shortfall still to recover from later earnings. cap_day/cap_day_points
-- count the points credited on one Asia/Shanghai day for the daily cap.
CREATE TABLE member_balance
(
  member_id       VARCHAR(64)  NOT NULL,
  available       BIGINT       NOT NULL DEFAULT 0,
  frozen          BIGINT       NOT NULL DEFAULT 0,
  lifetime_earned BIGINT       NOT NULL DEFAULT 0,
  debt            BIGINT       NOT NULL DEFAULT 0,
  cap_day         DATE         NULL,
  cap_day_points  BIGINT       NOT NULL DEFAULT 0,
  version         BIGINT       NOT NULL DEFAULT 0,
  updated_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Lots: the points one BU issued to a member that expire together (earned in the same Asia/Shanghai month).
-- The open lots' remaining points always add up to the member's available balance.
CREATE TABLE points_lot
(
  lot_id     BIGINT       NOT NULL AUTO_INCREMENT,
  member_id  VARCHAR(64)  NOT NULL,
  bu         VARCHAR(32)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  credited   BIGINT       NOT NULL,
  remaining  BIGINT       NOT NULL,
  open       TINYINT(1)   NOT NULL,
  updated_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (lot_id),
  UNIQUE KEY points_lot_bucket (member_id, expires_at, bu),
  KEY points_lot_open_by_expiry (open, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which lots a hold froze points from: spending charges their issuing BUs, releasing puts the points back.
CREATE TABLE lot_allocation
(
  bu         VARCHAR(32)  NOT NULL,
  reference  VARCHAR(64)  NOT NULL,
  lot_id     BIGINT       NOT NULL,
  issuing_bu VARCHAR(32)  NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  points     BIGINT       NOT NULL,
  PRIMARY KEY (bu, reference, lot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
