package dev.runlens.ui.timeline;

/** How times are written on the axis and in tooltips. */
public enum TimeZoneMode {
    UTC("UTC"), LOCAL("Local time"), RELATIVE("Relative to run start");

    private final String label;

    TimeZoneMode(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
