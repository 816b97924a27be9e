-- A template's stock and budget move to shards: each shard holds a share of the issuable coupons, with its own
-- quantity and budget, and an issue takes one unit from one shard with a guarded UPDATE. A template's issuers then
-- queue on several row locks instead of one, so their commits overlap (group commit) during a flash sale. The
-- shares add up to the template's totalQuantity and budgetFen, so the guards together still hold the totals.
CREATE TABLE template_stock
(
  template_id     VARCHAR(64) NOT NULL,
  shard           INT         NOT NULL,
  quantity        BIGINT      NOT NULL,
  budget_fen      BIGINT      NOT NULL,
  issued          BIGINT      NOT NULL DEFAULT 0,
  budget_used_fen BIGINT      NOT NULL DEFAULT 0,
  PRIMARY KEY (template_id, shard)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE coupon_template ADD COLUMN stock_shards INT NOT NULL DEFAULT 1;

INSERT INTO template_stock (template_id, shard, quantity, budget_fen, issued, budget_used_fen)
SELECT id, 0, total_quantity, budget_fen, issued, budget_used_fen FROM coupon_template;

ALTER TABLE coupon_template DROP COLUMN issued, DROP COLUMN budget_used_fen;
