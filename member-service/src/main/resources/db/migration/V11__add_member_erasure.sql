-- A member who deleted their account: the row stays (their id is what ledgers elsewhere hold, so sums still add
-- up) with every personal field erased; the phone's hash is replaced, so the number can register afresh.
ALTER TABLE member
  ADD COLUMN deleted_at DATETIME(6) NULL;
