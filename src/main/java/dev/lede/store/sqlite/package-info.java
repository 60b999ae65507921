/**
 * The embedded store on SQLite (sqlite-jdbc, WAL): one file in the data folder, plain JDBC,
 * versioned migrations from {@code src/main/resources/db/sqlite/}.
 */
@NullMarked
package dev.lede.store.sqlite;

import org.jspecify.annotations.NullMarked;
