/** Members read their own points: balance, what expires next, and the history. */
@NullMarked
package io.unimember.points.balance;

import org.jspecify.annotations.NullMarked;
