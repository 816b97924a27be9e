@NullMarked
package io.unimember.member;

import org.jspecify.annotations.NullMarked;
