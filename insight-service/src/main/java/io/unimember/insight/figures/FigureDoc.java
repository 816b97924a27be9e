package io.unimember.insight.figures;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The figures of one period ({@code D2026-12-07}, {@code M2026-12}) or of now ({@link FigureKeys#CURRENT}): named
 * counters, e.g. {@code campaign.T1.issued}. Flow figures (orders, issues) count what happened in the period;
 * level figures (tiers, stages, liability, segments) hold the period's net change, and a level as of a day is the
 * sum of the changes up to it.
 */
public record FigureDoc(TreeMap<String, Long> counts) {

    public FigureDoc() {
        this(new TreeMap<>());
    }

    public long get(String figure) {
        return counts.getOrDefault(figure, 0L);
    }

    /** Adds the deltas, dropping figures that come to zero. */
    public FigureDoc add(Map<String, Long> deltas) {
        deltas.forEach((figure, delta) -> {
            long value = counts.getOrDefault(figure, 0L) + delta;
            if (value == 0) {
                counts.remove(figure);
            } else {
                counts.put(figure, value);
            }
        });
        return this;
    }

    public static Serde<FigureDoc> serde() {
        Serializer<FigureDoc> writer = (topic, doc) -> doc == null ? null : write(doc);
        Deserializer<FigureDoc> reader = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(writer, reader);
    }

    static byte[] write(FigureDoc doc) {
        var bytes = new ByteArrayOutputStream(16 + doc.counts.size() * 32);
        try (var out = new DataOutputStream(bytes)) {
            out.writeInt(doc.counts.size());
            for (Map.Entry<String, Long> e : doc.counts.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeLong(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FigureDoc read(byte[] bytes) {
        var doc = new FigureDoc();
        try (var in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                doc.counts.put(in.readUTF(), in.readLong());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc;
    }
}
