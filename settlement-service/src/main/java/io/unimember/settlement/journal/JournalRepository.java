package io.unimember.settlement.journal;

import io.unimember.settlement.SqlTimes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Writes postings with their items and lines. Inserts only: the journal is append-only. */
@Repository
class JournalRepository {

    private final JdbcClient jdbc;

    JournalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the posting; false if its event was already posted (the unique event id backs up the inbox). */
    boolean insert(Posting posting, Instant postedAt) {
        long postingId;
        try {
            postingId = insertHeader(posting, postedAt);
        } catch (DuplicateKeyException alreadyPosted) {
            return false;
        }
        for (Posting.Item item : posting.items()) {
            long itemId = insertItem(postingId, posting, item);
            for (Posting.Line line : item.lines()) {
                jdbc.sql(
                                """
                                INSERT INTO journal_line
                                  (posting_id, item_id, party, counterparty, account, amount_fen, posting_period)
                                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(
                                postingId,
                                itemId,
                                line.party(),
                                line.counterparty(),
                                line.account().name(),
                                line.amountFen(),
                                posting.postingPeriod().toString())
                        .update();
            }
        }
        return true;
    }

    private long insertHeader(Posting p, Instant postedAt) {
        var key = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        INSERT INTO posting
                          (event_id, event_type, benefit_type, source_ref, order_ref, member_id, used_at,
                           usage_period, posting_period, reverses_posting_id, posted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList( // order_ref and reverses_posting_id are NULL where they do not apply
                        p.eventId().toString(),
                        p.eventType(),
                        p.benefitType().name(),
                        p.sourceRef(),
                        p.orderRef(),
                        p.memberId(),
                        SqlTimes.utc(p.usedAt()),
                        p.usagePeriod().toString(),
                        p.postingPeriod().toString(),
                        p.reversesPostingId(),
                        SqlTimes.utc(postedAt)))
                .update(key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private long insertItem(long postingId, Posting p, Posting.Item item) {
        var key = new GeneratedKeyHolder();
        jdbc.sql(
                        """
                        INSERT INTO posting_item
                          (posting_id, benefit_type, owing_party, owed_party, face_fen, rate_bp, price_id, amount_fen,
                           usage_period, posting_period)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList( // price_id is NULL for a benefit without a price
                        postingId,
                        p.benefitType().name(),
                        item.owing(),
                        item.owed(),
                        item.faceFen(),
                        item.rateBp(),
                        item.priceId(),
                        item.amountFen(),
                        p.usagePeriod().toString(),
                        p.postingPeriod().toString()))
                .update(key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
