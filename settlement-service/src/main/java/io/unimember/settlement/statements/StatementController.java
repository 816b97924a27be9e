package io.unimember.settlement.statements;

import io.unimember.common.security.Caller;
import io.unimember.common.web.ApiException;
import io.unimember.settlement.parties.Parties;
import io.unimember.settlement.periods.PeriodKey;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/settlement/periods/{period}/statements}: a BU token gets its own statement and nothing else,
 * whatever it asks for; admin gets every party's, or one with {@code ?bu=}. {@code Accept: text/csv} for CSV.
 */
@RestController
class StatementController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Statements statements;
    private final Parties parties;

    StatementController(Statements statements, Parties parties) {
        this.statements = statements;
        this.parties = parties;
    }

    /**
     * The calling BU's statements of a month: what it owes and is owed, line by line.
     */
    @GetMapping("/api/v1/settlement/periods/{period}/statements")
    ResponseEntity<?> statements(
            Caller caller,
            @PathVariable String period,
            @RequestParam(required = false) @Nullable String bu,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        PeriodKey key = PeriodKey.fromPath(period);
        StatementsView view = statements.of(key, visibleParties(caller, key, bu));
        if (wantsCsv(accept)) {
            return ResponseEntity.ok()
                    .contentType(TEXT_CSV)
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"settlement-" + key + "-statements.csv\"")
                    .body(StatementCsv.write(view));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view);
    }

    private List<String> visibleParties(Caller caller, PeriodKey key, @Nullable String requested) {
        if (!caller.isAdmin()) {
            String own = caller.bu();
            if (!parties.isKnown(own)) {
                throw ApiException.forbidden("NOT_A_SETTLEMENT_PARTY", "this token's BU does not settle");
            }
            return List.of(own);
        }
        if (requested == null || requested.isBlank()) {
            return statements.partiesWithLines(key);
        }
        if (requested.length() > 32 || !parties.isKnown(requested)) {
            throw ApiException.notFound("PARTY_NOT_FOUND", "no settlement party " + requested);
        }
        return List.of(requested);
    }

    /** CSV when the client ranks text/csv above JSON; JSON otherwise (also for a missing or unreadable Accept). */
    static boolean wantsCsv(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        return types.stream()
                .filter(t -> t.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed())
                .filter(t -> t.isCompatibleWith(TEXT_CSV) || t.isCompatibleWith(MediaType.APPLICATION_JSON))
                .findFirst()
                .map(t -> "text".equals(t.getType()) && "csv".equals(t.getSubtype()))
                .orElse(false);
    }
}
