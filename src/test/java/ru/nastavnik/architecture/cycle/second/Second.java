package ru.nastavnik.architecture.cycle.second;

import ru.nastavnik.architecture.cycle.first.First;

/** The other half of the cycle ArchitectureTest must catch. */
public class Second {
    public First first() {
        return new First();
    }
}
