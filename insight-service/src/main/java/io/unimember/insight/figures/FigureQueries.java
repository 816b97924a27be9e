package io.unimember.insight.figures;

import io.unimember.insight.queries.StoreQueries;
import io.unimember.insight.queries.Where;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;

/**
 * Reads the figures store. It has one partition, so one instance holds every period; a read here for figures held
 * elsewhere is refused as unavailable (forwarding these, as profiles are, is noted in docs/scaling.md).
 */
@Component
public class FigureQueries {

    private final StoreQueries stores;

    FigureQueries(StoreQueries stores) {
        this.stores = stores;
    }

    public FigureDoc current() {
        return doc(FigureKeys.CURRENT);
    }

    FigureDoc day(LocalDate day) {
        return doc(FigureKeys.day(day));
    }

    FigureDoc month(YearMonth month) {
        return doc(FigureKeys.month(month));
    }

    /** The level figures as of the end of a day: the sum of the day docs' changes up to it. */
    FigureDoc levelsUpTo(LocalDate day) {
        return levels(FigureKeys.day(LocalDate.of(1970, 1, 1)), FigureKeys.day(day));
    }

    FigureDoc levelsUpTo(YearMonth month) {
        return levels(FigureKeys.month(YearMonth.of(1970, 1)), FigureKeys.month(month));
    }

    /** The day docs from {@code from} to {@code to}, in order. */
    List<KeyValue<String, FigureDoc>> days(LocalDate from, LocalDate to) {
        List<KeyValue<String, FigureDoc>> docs = new ArrayList<>();
        try (KeyValueIterator<String, FigureDoc> range = store().range(FigureKeys.day(from), FigureKeys.day(to))) {
            range.forEachRemaining(docs::add);
        }
        return docs;
    }

    private FigureDoc levels(String from, String to) {
        var sum = new FigureDoc();
        try (KeyValueIterator<String, FigureDoc> range = store().range(from, to)) {
            range.forEachRemaining(kv -> kv.value.counts().forEach((figure, value) -> {
                if (FigureKeys.isLevel(figure)) {
                    sum.add(java.util.Map.of(figure, value));
                }
            }));
        }
        return sum;
    }

    private FigureDoc doc(String key) {
        FigureDoc doc = store().get(key);
        return doc == null ? new FigureDoc() : doc;
    }

    private ReadOnlyKeyValueStore<String, FigureDoc> store() {
        Where where = stores.where(FigureKeys.STORE, FigureKeys.CURRENT);
        if (where instanceof Where.There there) {
            throw StoreQueries.unavailable("the figures are held by "
                    + there.host().host() + ":" + there.host().port());
        }
        if (where instanceof Where.Nowhere nowhere) {
            throw StoreQueries.unavailable(nowhere.reason());
        }
        return stores.local(FigureKeys.STORE);
    }
}
