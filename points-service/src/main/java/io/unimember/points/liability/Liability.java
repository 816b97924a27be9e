package io.unimember.points.liability;

import io.unimember.points.PointsProperties;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the liability report of a month from the ledger (decision 0036). */
@Service
class Liability {

    /** 100 points = ¥1: the face value of one point, in fen. */
    static final long POINT_FACE_FEN = 1;

    private final LiabilityRepository repository;
    private final PointsProperties properties;

    Liability(LiabilityRepository repository, PointsProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    /** Every issuing BU's line, or only {@code bu}'s; read in one snapshot so the two queries agree. */
    @Transactional(readOnly = true)
    LiabilityView of(YearMonth month, @Nullable String bu) {
        Instant start = month.atDay(1).atStartOfDay(properties.zone()).toInstant();
        Instant end =
                month.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant();
        Map<String, Map<String, Long>> redeemedBy = repository.redeemedBy(start, end, bu);
        List<LiabilityLine> lines = repository.movements(start, end, bu).stream()
                .map(m -> {
                    long closing = m.opening() + m.earned() - m.redeemed() + m.returned() - m.expired();
                    return new LiabilityLine(
                            m.bu(),
                            m.opening(),
                            m.earned(),
                            m.redeemed(),
                            redeemedBy.getOrDefault(m.bu(), Map.of()),
                            m.returned(),
                            m.expired(),
                            closing,
                            Math.multiplyExact(closing, POINT_FACE_FEN));
                })
                .toList();
        return new LiabilityView(month.toString(), lines);
    }
}
