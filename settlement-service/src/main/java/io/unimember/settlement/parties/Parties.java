package io.unimember.settlement.parties;

import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The parties that settle (the seven BUs and PLATFORM), read from the {@code party} table. Known codes are kept in
 * memory; a code not seen before is looked up again, so a BU added as a row is accepted without a restart.
 */
@Component
public class Parties {

    private final JdbcClient jdbc;
    private volatile Set<String> known = Set.of();

    Parties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isKnown(String code) {
        if (known.contains(code)) {
            return true;
        }
        known = Set.copyOf(
                jdbc.sql("SELECT code FROM party").query(String.class).list());
        return known.contains(code);
    }

    /** Throws {@link UnknownPartyException} naming the first code that is no party. */
    public void requireKnown(Iterable<String> codes) {
        for (String code : codes) {
            if (!isKnown(code)) {
                throw new UnknownPartyException(code);
            }
        }
    }
}
