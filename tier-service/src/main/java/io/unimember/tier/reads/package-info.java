/** What a member reads about their own tier. */
@NullMarked
package io.unimember.tier.reads;

import org.jspecify.annotations.NullMarked;
