package dev.runlens.replay;

/** The times a {@link ReplayClock} plays by: one per entry, epoch nanoseconds, {@code Long.MIN_VALUE} for none. */
public interface EntryTimes {
    int size();

    long timeNanos(int index);
}
