package io.unimember.coupon.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template's stock and budget into shards that add up to its totals, without stranding any coupon: the
 * issuable count (what quantity and budget allow together) is dealt out evenly, each shard getting the budget for
 * exactly its share, and what is left of quantity or budget (too little for one more coupon) goes to shard 0.
 */
final class StockShards {

    record Shard(int index, long quantity, long budgetFen) {}

    private StockShards() {}

    static List<Shard> split(long totalQuantity, long budgetFen, long faceValueFen, int maxShards) {
        long issuable = Math.min(totalQuantity, budgetFen / faceValueFen);
        if (issuable < 1 || maxShards < 1) {
            throw new IllegalArgumentException("a template must fund at least one coupon");
        }
        int count = (int) Math.min(maxShards, issuable);
        long base = issuable / count;
        long extra = issuable % count;
        List<Shard> shards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long share = base + (i < extra ? 1 : 0);
            long quantity = share + (i == 0 ? totalQuantity - issuable : 0);
            long budget = Math.multiplyExact(share, faceValueFen) + (i == 0 ? budgetFen - issuable * faceValueFen : 0);
            shards.add(new Shard(i, quantity, budget));
        }
        return shards;
    }
}
