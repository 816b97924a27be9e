/** The small expression language of rule tags and segments: {@code orders30(DINE_IN) >= 1 AND NOT dormant}. */
@NullMarked
package io.unimember.insight.expressions;

import org.jspecify.annotations.NullMarked;
