package io.unimember.insight.segments;

import io.unimember.common.security.Caller;
import io.unimember.insight.figures.FigureKeys;
import io.unimember.insight.figures.FigureQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin: segments (a tag expression) and their sizes. */
@RestController
@Validated
class SegmentController {

    record CreateSegment(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 1000) String expression) {}

    record SegmentPage(List<SegmentView> items, @Nullable String nextCursor) {}

    private final Segments segments;
    private final FigureQueries figures;

    SegmentController(Segments segments, FigureQueries figures) {
        this.segments = segments;
        this.figures = figures;
    }

    /**
     * Creates a segment: the members who match an expression over tags. Admins only. The expression must parse (else
     * 400 EXPRESSION_INVALID) and name only defined tags (else 400 TAG_NOT_FOUND); a name in use is 409 SEGMENT_EXISTS.
     * Each call makes a new segment id. Audited; the stream counts its members from then on.
     */
    @PostMapping("/api/v1/admin/segments")
    @ResponseStatus(HttpStatus.CREATED)
    SegmentView create(Caller caller, @Valid @RequestBody CreateSegment request) {
        return segments.create(caller, request.name(), request.expression());
    }

    /**
     * Lists the segments by id, a page at a time. Admins only. nextCursor passed back as cursor gives the next page.
     * The sizes here are 0: a segment's size now is read with its own GET.
     */
    @GetMapping("/api/v1/admin/segments")
    SegmentPage list(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) @Nullable @Size(max = 40) String cursor) {
        List<SegmentView> page = segments.page(cursor == null ? "" : cursor, limit + 1);
        boolean more = page.size() > limit;
        List<SegmentView> items = more ? page.subList(0, limit) : page;
        return new SegmentPage(items, more ? items.getLast().segmentId() : null);
    }

    /** The segment with its size now (members counted by the stream). */
    @GetMapping("/api/v1/admin/segments/{segmentId}")
    SegmentView get(@PathVariable @Pattern(regexp = "seg_[a-z0-9]{1,36}") String segmentId) {
        SegmentView s = segments.find(segmentId);
        long size = figures.current().get(FigureKeys.segment(segmentId));
        return new SegmentView(s.segmentId(), s.name(), s.expression(), size, s.createdAt(), s.createdBy());
    }
}
