/** Web glue shared by the features: path rules and the shapes of ids. */
@NullMarked
package io.unimember.points.web;

import org.jspecify.annotations.NullMarked;
