@NullMarked
package io.unimember.tier;

import org.jspecify.annotations.NullMarked;
