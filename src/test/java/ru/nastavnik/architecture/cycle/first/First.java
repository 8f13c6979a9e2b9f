package ru.nastavnik.architecture.cycle.first;

import ru.nastavnik.architecture.cycle.second.Second;

/** Half of the cycle ArchitectureTest must catch. */
public class First {
    public Second second() {
        return new Second();
    }
}
