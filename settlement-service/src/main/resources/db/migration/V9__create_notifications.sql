-- Member notifications (decision 0057): the inbox (one row per message, at most one of a kind per member and
-- Shanghai day, and each notice once per what it is about), preferences, the projections the notices are made
-- from, and the lease that keeps two instances from running the daily job at once.
CREATE TABLE notification_message
(
  seq        BIGINT       NOT NULL AUTO_INCREMENT,
  message_id CHAR(36)     NOT NULL,
  member_id  VARCHAR(64)  NOT NULL,
  kind       VARCHAR(32)  NOT NULL,
  ref        VARCHAR(128) NOT NULL,
  local_day  DATE         NOT NULL,
  title      VARCHAR(128) NOT NULL,
  body       VARCHAR(512) NOT NULL,
  created_at DATETIME(6)  NOT NULL,
  read_at    DATETIME(6)  NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY notification_message_id (message_id),
  UNIQUE KEY notification_once (member_id, kind, ref),
  UNIQUE KEY notification_daily (member_id, kind, local_day),
  KEY notification_inbox (member_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE notification_preference
(
  member_id  VARCHAR(64) NOT NULL,
  sms        BOOLEAN     NOT NULL,
  push       BOOLEAN     NOT NULL,
  updated_at DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- each member's expiring points as the newest balance snapshot (points.events.v1 carries it) says
CREATE TABLE notification_points_version
(
  member_id VARCHAR(64) NOT NULL,
  version   BIGINT      NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE notification_expiring_points
(
  member_id  VARCHAR(64) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  points     BIGINT      NOT NULL,
  PRIMARY KEY (member_id, expires_at),
  KEY notification_expiring_by_time (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE notification_coupon
(
  coupon_id  VARCHAR(128) NOT NULL,
  member_id  VARCHAR(64)  NOT NULL,
  name       VARCHAR(128) NOT NULL,
  expires_at DATETIME(6)  NOT NULL,
  PRIMARY KEY (coupon_id),
  KEY notification_coupon_by_time (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE notification_tier
(
  member_id      VARCHAR(64) NOT NULL,
  tier           VARCHAR(32) NOT NULL,
  growth         BIGINT      NOT NULL,
  retained_until DATETIME(6) NULL,
  version        BIGINT      NOT NULL,
  PRIMARY KEY (member_id),
  KEY notification_tier_by_retention (retained_until)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE job_lease
(
  name        VARCHAR(64) NOT NULL,
  holder      CHAR(36)    NOT NULL,
  lease_until DATETIME(6) NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
