/** The points liability report: per issuing BU and month, what members hold and how it moved (decision 0036). */
@NullMarked
package io.unimember.points.liability;

import org.jspecify.annotations.NullMarked;
