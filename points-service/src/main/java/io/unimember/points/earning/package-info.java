/** The earn rule and the business units' rates it uses. */
@NullMarked
package io.unimember.points.earning;

import org.jspecify.annotations.NullMarked;
