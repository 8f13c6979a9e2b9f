package ru.nastavnik.spreadsheet;

/**
 * One problem of an import file: the row as Excel numbers it, the column as the file names it (null for the file
 * as a whole) and a Russian message for the curator.
 */
public record ImportError(Integer row, String column, String message) {
}
