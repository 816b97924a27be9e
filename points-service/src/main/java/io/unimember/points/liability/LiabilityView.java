package io.unimember.points.liability;

import java.util.List;

/** The liability report of one month, {@code yyyy-MM} in the business time zone. */
record LiabilityView(String period, List<LiabilityLine> lines) {}
