@NullMarked
package io.unimember.points;

import org.jspecify.annotations.NullMarked;
