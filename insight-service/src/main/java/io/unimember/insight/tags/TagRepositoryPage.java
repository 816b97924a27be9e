package io.unimember.insight.tags;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of tags by name, and the cursor (the last name) of the next. */
record TagRepositoryPage(List<TagView> items, @Nullable String nextCursor) {

    static TagRepositoryPage of(TagDefinitions definitions, String after, int limit) {
        List<TagView> page = definitions.page(after, limit + 1);
        boolean more = page.size() > limit;
        List<TagView> items = more ? page.subList(0, limit) : page;
        return new TagRepositoryPage(items, more ? items.getLast().name() : null);
    }
}
