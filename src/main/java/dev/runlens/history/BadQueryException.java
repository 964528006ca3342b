package dev.runlens.history;

/** A search query that cannot be read: one sentence saying what and where (1-based column). */
public final class BadQueryException extends Exception {
    private final int column;

    public BadQueryException(String problem, int column) {
        super(problem + " (column " + column + ")");
        this.column = column;
    }

    public int column() {
        return column;
    }
}
