@NullMarked
package io.unimember.settlement;

import org.jspecify.annotations.NullMarked;
