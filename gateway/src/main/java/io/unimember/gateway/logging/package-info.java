/** Log output: the JSON switch and the request and trace ids on the lines the gateway writes about a request. */
@NullMarked
package io.unimember.gateway.logging;

import org.jspecify.annotations.NullMarked;
