/**
 * Interactive queries: which instance holds a key of a store (the streams metadata), and the local stores'
 * read-only views.
 */
@NullMarked
package io.unimember.insight.queries;

import org.jspecify.annotations.NullMarked;
