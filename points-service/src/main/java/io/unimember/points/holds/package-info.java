/** Two-phase spending at checkout: holds, their confirmation, cancellation and automatic release. */
@NullMarked
package io.unimember.points.holds;

import org.jspecify.annotations.NullMarked;
