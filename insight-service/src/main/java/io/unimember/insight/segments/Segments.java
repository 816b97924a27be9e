package io.unimember.insight.segments;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.insight.audit.AuditTrail;
import io.unimember.insight.expressions.Expression;
import io.unimember.insight.expressions.Expressions;
import io.unimember.insight.expressions.InvalidExpressionException;
import io.unimember.insight.tags.TagDefinitions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Creates segments (audited) and keeps the stream's {@link SegmentCatalog} in step with the definitions. */
@Service
class Segments implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(Segments.class);

    private final SegmentRepository segments;
    private final SegmentCatalog catalog;
    private final TagDefinitions tags;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    Segments(SegmentRepository segments, SegmentCatalog catalog, TagDefinitions tags, AuditTrail audit) {
        this.segments = segments;
        this.catalog = catalog;
        this.tags = tags;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        reload();
    }

    @Transactional
    SegmentView create(Caller caller, String name, String expression) {
        Expression parsed;
        try {
            parsed = Expressions.segment(expression);
        } catch (InvalidExpressionException e) {
            throw ApiException.badRequest("EXPRESSION_INVALID", e.getMessage());
        }
        for (String tag : parsed.tags()) {
            if (!tags.exists(tag)) {
                throw ApiException.badRequest("TAG_NOT_FOUND", "the expression names " + tag + ", which is no tag");
            }
        }
        Instant now = clock.instant();
        var segment = new SegmentView(
                "seg_"
                        + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toLowerCase(Locale.ROOT),
                name.strip(),
                expression.strip(),
                0,
                now,
                AuditTrail.actor(caller));
        if (!segments.insert(segment)) {
            throw ApiException.conflict("SEGMENT_EXISTS", "a segment named " + name + " exists");
        }
        audit.record(caller, "SEGMENT_CREATED", segment.segmentId(), null, segment.expression());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                reload();
            }
        });
        return segment;
    }

    SegmentView find(String segmentId) {
        return segments.find(segmentId)
                .orElseThrow(() -> ApiException.notFound("SEGMENT_NOT_FOUND", "no segment " + segmentId));
    }

    List<SegmentView> page(String after, int limit) {
        return segments.page(after, limit);
    }

    @Scheduled(fixedDelayString = "${unimember.insight.reload-every:PT10S}")
    void reload() {
        try {
            catalog.replace(segments.all().stream()
                    .<SegmentCatalog.SegmentRule>mapMulti((s, out) -> {
                        try {
                            out.accept(
                                    new SegmentCatalog.SegmentRule(s.segmentId(), Expressions.segment(s.expression())));
                        } catch (RuntimeException e) {
                            log.warn("segment {} does not parse, left out: {}", s.segmentId(), e.getMessage());
                        }
                    })
                    .toList());
        } catch (DataAccessException e) {
            log.warn(
                    "could not read the segments, keeping the {} held: {}",
                    catalog.segments().size(),
                    e.getMessage());
        }
    }
}
