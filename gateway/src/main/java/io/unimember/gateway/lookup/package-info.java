/**
 * The entitlement lookup, the one request every app, checkout and POS makes thousands of times a second: answered by
 * the gateway from member-service's cached view in Redis, without a hop (decision 0024).
 */
@NullMarked
package io.unimember.gateway.lookup;

import org.jspecify.annotations.NullMarked;
