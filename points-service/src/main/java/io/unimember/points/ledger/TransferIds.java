package io.unimember.points.ledger;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Transfer ids: UUIDs whose high bits are the wall-clock millisecond (the layout of UUID version 7), so ledger rows
 * keyed by them are appended near the end of the index instead of scattered across it.
 */
final class TransferIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TransferIds() {}

    static String next() {
        long millis = System.currentTimeMillis();
        long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
