package io.unimember.insight.members;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A member's state as bytes for RocksDB and its changelog: a version byte, then the fields in a fixed order, an
 * order as 8 + 4 + 1 + 8 + 8 bytes. docs/scaling.md measures the bytes per member this gives.
 */
public final class MemberStateCodec {

    private static final byte VERSION = 1;

    private MemberStateCodec() {}

    public static Serde<MemberState> serde() {
        Serializer<MemberState> writer = (topic, state) -> state == null ? null : write(state);
        Deserializer<MemberState> reader = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(writer, reader);
    }

    public static byte[] write(MemberState s) {
        var bytes = new ByteArrayOutputStream(64 + s.orders * 29);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(s.registeredDay);
            out.writeUTF(s.tier == null ? "" : s.tier);
            out.writeLong(s.tierVersion);
            out.writeByte(s.bus.size());
            for (int i = 0; i < s.bus.size(); i++) {
                out.writeUTF(s.bus.get(i));
                out.writeInt(s.lastOrderDayByBu[i]);
            }
            out.writeInt(s.firstOrderDay);
            out.writeInt(s.lastOrderDay);
            out.writeInt(s.wonBackDay);
            out.writeShort(s.orders);
            for (int i = 0; i < s.orders; i++) {
                out.writeLong(s.orderHash[i]);
                out.writeInt(s.orderDay[i]);
                out.writeByte(s.orderBu[i]);
                out.writeLong(s.orderFen[i]);
                out.writeLong(s.refundedFen[i]);
            }
            out.writeByte(s.refundHashes.length);
            for (long h : s.refundHashes) {
                out.writeLong(h);
            }
            out.writeLong(s.couponsIssued);
            out.writeLong(s.couponsRedeemed);
            out.writeLong(s.pointsAvailable);
            out.writeLong(s.pointsVersion);
            out.writeByte(s.tags.size());
            for (String tag : s.tags) {
                out.writeUTF(tag);
            }
            out.writeShort(s.segments.size());
            for (String segment : s.segments) {
                out.writeUTF(segment);
            }
            out.writeByte(s.countedStage == null ? -1 : s.countedStage.ordinal());
            out.writeInt(s.evaluatedDay);
            out.writeByte(s.rfm.r());
            out.writeByte(s.rfm.f());
            out.writeByte(s.rfm.m());
            out.writeInt(s.countedLastOrderDay);
            out.writeInt(s.countedFrequency);
            out.writeLong(s.countedMonetaryFen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static MemberState read(byte[] bytes) {
        var s = new MemberState();
        try (var in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("member state of version " + version);
            }
            s.registeredDay = in.readInt();
            String tier = in.readUTF();
            s.tier = tier.isEmpty() ? null : tier;
            s.tierVersion = in.readLong();
            int bus = in.readUnsignedByte();
            s.lastOrderDayByBu = new int[bus];
            for (int i = 0; i < bus; i++) {
                s.bus.add(in.readUTF());
                s.lastOrderDayByBu[i] = in.readInt();
            }
            s.firstOrderDay = in.readInt();
            s.lastOrderDay = in.readInt();
            s.wonBackDay = in.readInt();
            int orders = in.readUnsignedShort();
            int capacity = Math.max(4, orders);
            s.orderHash = new long[capacity];
            s.orderDay = new int[capacity];
            s.orderBu = new byte[capacity];
            s.orderFen = new long[capacity];
            s.refundedFen = new long[capacity];
            for (int i = 0; i < orders; i++) {
                s.orderHash[i] = in.readLong();
                s.orderDay[i] = in.readInt();
                s.orderBu[i] = in.readByte();
                s.orderFen[i] = in.readLong();
                s.refundedFen[i] = in.readLong();
            }
            s.orders = orders;
            int refunds = in.readUnsignedByte();
            s.refundHashes = new long[refunds];
            for (int i = 0; i < refunds; i++) {
                s.refundHashes[i] = in.readLong();
            }
            s.couponsIssued = in.readLong();
            s.couponsRedeemed = in.readLong();
            s.pointsAvailable = in.readLong();
            s.pointsVersion = in.readLong();
            int tags = in.readUnsignedByte();
            for (int i = 0; i < tags; i++) {
                s.tags.add(in.readUTF());
            }
            int segments = in.readUnsignedShort();
            for (int i = 0; i < segments; i++) {
                s.segments.add(in.readUTF());
            }
            int stage = in.readByte();
            s.countedStage = stage < 0 ? null : Stage.values()[stage];
            s.evaluatedDay = in.readInt();
            s.rfm = new RfmScores(in.readByte(), in.readByte(), in.readByte());
            s.countedLastOrderDay = in.readInt();
            s.countedFrequency = in.readInt();
            s.countedMonetaryFen = in.readLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }
}
