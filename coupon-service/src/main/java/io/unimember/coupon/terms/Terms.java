package io.unimember.coupon.terms;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a coupon gives and where: the kind with its amounts, the minimum spend and the scenes (BU codes, or
 * {@code ALL}). All money is long fen.
 *
 * @param discountFen the amount off of a FIXED coupon; null for PERCENT
 * @param percentOff 1..99 for PERCENT; null for FIXED
 * @param maxDiscountFen the cap of a PERCENT coupon; null for FIXED
 */
public record Terms(
        Kind kind,
        @Nullable Long discountFen,
        @Nullable Integer percentOff,
        @Nullable Long maxDiscountFen,
        long minSpendFen,
        List<String> scenes) {

    public static final String ALL_SCENES = "ALL";

    public Terms {
        scenes = List.copyOf(scenes);
        boolean fixed = kind == Kind.FIXED && discountFen != null;
        boolean percent = kind == Kind.PERCENT && percentOff != null && maxDiscountFen != null;
        if (!fixed && !percent) {
            throw new IllegalArgumentException("incomplete terms for kind " + kind);
        }
    }

    public static Terms fixed(long discountFen, long minSpendFen, List<String> scenes) {
        return new Terms(Kind.FIXED, discountFen, null, null, minSpendFen, scenes);
    }

    public static Terms percent(int percentOff, long maxDiscountFen, long minSpendFen, List<String> scenes) {
        return new Terms(Kind.PERCENT, null, percentOff, maxDiscountFen, minSpendFen, scenes);
    }

    /**
     * The most one coupon can take off: the face of a FIXED coupon, the cap of a PERCENT one. It is what a coupon
     * costs its funder at worst, so it is what counts against a template's budget, and what clients see as
     * {@code discountFen} when no amount is given.
     */
    public long faceValueFen() {
        return kind == Kind.FIXED ? requireNonNull(discountFen) : requireNonNull(maxDiscountFen);
    }

    /**
     * The discount on an order of {@code amountFen}: 0 when the minimum spend is not met; FIXED takes its face,
     * PERCENT takes {@code floor(amount × percent / 100)} up to its cap; never more than the amount itself.
     */
    public long discountFor(long amountFen) {
        if (amountFen <= 0 || amountFen < minSpendFen) {
            return 0;
        }
        long discount =
                switch (kind) {
                    case FIXED -> requireNonNull(discountFen);
                    case PERCENT ->
                        Math.min(
                                Math.multiplyExact(amountFen, (long) requireNonNull(percentOff)) / 100,
                                requireNonNull(maxDiscountFen));
                };
        return Math.min(discount, amountFen);
    }

    /** Whether a coupon with these terms may be used on an order of {@code amountFen}. */
    public boolean usableFor(long amountFen) {
        return discountFor(amountFen) > 0;
    }

    public boolean appliesTo(String scene) {
        return scenes.contains(ALL_SCENES) || scenes.contains(scene);
    }

    /** The scenes as stored in one column: {@code ALL} or comma-separated BU codes. */
    public String scenesColumn() {
        return String.join(",", scenes);
    }

    public static List<String> scenesFromColumn(String column) {
        return List.of(column.split(","));
    }

    private static <T> T requireNonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("checked by the constructor");
        }
        return value;
    }
}
