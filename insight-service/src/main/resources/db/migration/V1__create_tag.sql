-- Tag definitions: a RULE tag has an expression the stream evaluates; a MANUAL tag is set on members by operators.
CREATE TABLE tag
(
  name        VARCHAR(64)   NOT NULL,
  kind        VARCHAR(8)    NOT NULL, -- RULE | MANUAL
  expression  VARCHAR(1000) NULL,
  description VARCHAR(200)  NULL,
  created_at  DATETIME(6)   NOT NULL,
  updated_at  DATETIME(6)   NOT NULL,
  updated_by  VARCHAR(128)  NOT NULL,
  PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Manual tags on members.
CREATE TABLE member_tag
(
  member_id VARCHAR(64)  NOT NULL,
  tag       VARCHAR(64)  NOT NULL,
  tagged_at DATETIME(6)  NOT NULL,
  tagged_by VARCHAR(128) NOT NULL,
  PRIMARY KEY (member_id, tag),
  CONSTRAINT member_tag_tag FOREIGN KEY (tag) REFERENCES tag (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Segments: a tag expression whose members the stream publishes to segment.members.v1.
CREATE TABLE segment
(
  segment_id VARCHAR(40)   NOT NULL,
  name       VARCHAR(100)  NOT NULL,
  expression VARCHAR(1000) NOT NULL,
  created_at DATETIME(6)   NOT NULL,
  created_by VARCHAR(128)  NOT NULL,
  PRIMARY KEY (segment_id),
  UNIQUE KEY segment_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every change to a tag, a segment or a member's manual tags: who, when, what.
CREATE TABLE insight_audit
(
  audit_id  BIGINT        NOT NULL AUTO_INCREMENT,
  at        DATETIME(6)   NOT NULL,
  actor     VARCHAR(128)  NOT NULL,
  action    VARCHAR(32)   NOT NULL, -- TAG_CREATED | TAG_UPDATED | SEGMENT_CREATED | MEMBER_TAGGED | MEMBER_UNTAGGED
  subject   VARCHAR(100)  NOT NULL, -- the tag name or segment id
  member_id VARCHAR(64)   NULL,
  detail    VARCHAR(1000) NULL,
  PRIMARY KEY (audit_id),
  KEY insight_audit_subject (subject, audit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
