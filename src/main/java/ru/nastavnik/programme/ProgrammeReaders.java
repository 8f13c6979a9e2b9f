package ru.nastavnik.programme;

import java.util.List;

/**
 * Which programmes the current user may read: their schools', their municipalities' (the district feature's rule,
 * which depends on this package, not this package on it).
 */
public interface ProgrammeReaders {

    /** The programmes among {@code all} that the current user may read. */
    List<Programme> readable(List<Programme> all);
}
