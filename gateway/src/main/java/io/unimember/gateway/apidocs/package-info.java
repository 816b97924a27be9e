/** The merged OpenAPI document at {@code /v3/api-docs}: every service's, as one contract integrators generate from. */
@NullMarked
package io.unimember.gateway.apidocs;

import org.jspecify.annotations.NullMarked;
