-- What the member triggers read (decision 0067), projected from other services' events: registration time and the
-- birthday's month and day (member.events.v1), and each member's soonest expiring points (points.events.v1, every
-- balance change carries them with a version; campaign_member_points.version keeps an older snapshot from winning).
CREATE TABLE campaign_member
(
  member_id     VARCHAR(64) NOT NULL,
  registered_at DATETIME(6) NULL,
  birthday_md   CHAR(5)     NULL,
  updated_at    DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id),
  INDEX campaign_member_by_registration (registered_at),
  INDEX campaign_member_by_birthday (birthday_md)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE campaign_member_points
(
  member_id VARCHAR(64) NOT NULL,
  version   BIGINT      NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE campaign_expiring_points
(
  member_id  VARCHAR(64) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  points     BIGINT      NOT NULL,
  PRIMARY KEY (member_id, expires_at),
  INDEX campaign_expiring_by_time (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- insight-service's segment memberships (segment.members.v1, compacted): a row while the member is in.
CREATE TABLE campaign_segment_member
(
  segment_id VARCHAR(64) NOT NULL,
  member_id  VARCHAR(64) NOT NULL,
  since      VARCHAR(40) NOT NULL,
  PRIMARY KEY (segment_id, member_id),
  INDEX campaign_segment_by_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
