/**
 * Monthly statements: each BU sees only its own lines, gross owed and due and net per counterparty; admin sees all.
 * JSON or CSV; a closed period's statement never changes, an open one's is provisional.
 */
@NullMarked
package io.unimember.settlement.statements;

import org.jspecify.annotations.NullMarked;
