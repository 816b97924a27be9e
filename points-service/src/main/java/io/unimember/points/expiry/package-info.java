/** The job that expires lots at the end of the 12th month after earning. */
@NullMarked
package io.unimember.points.expiry;

import org.jspecify.annotations.NullMarked;
