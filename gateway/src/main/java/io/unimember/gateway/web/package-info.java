@NullMarked
package io.unimember.gateway.web;

import org.jspecify.annotations.NullMarked;
