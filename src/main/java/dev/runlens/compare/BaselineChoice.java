package dev.runlens.compare;

/** How the baseline of a comparison was chosen, said in the comparison's header. */
public enum BaselineChoice {
    DEFAULT("the most recent succeeded run of the same flow"),
    PICKED("picked from history"),
    FILE("picked from a file");

    private final String text;

    BaselineChoice(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
