-- Local projection of member.registered: the member ids that exist, so an order, hold or grant for an id no one
-- registered is answered 404 MEMBER_NOT_FOUND without asking member-service (decision 0033).
CREATE TABLE known_member
(
  member_id     VARCHAR(64) NOT NULL,
  registered_at DATETIME(6) NOT NULL,
  PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Members who already have points were accepted before this table existed: they stay known (their history and
-- balance are real). From now on only member.registered adds a member.
INSERT INTO known_member (member_id, registered_at)
SELECT member_id, updated_at FROM member_balance;
