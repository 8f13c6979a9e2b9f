package ru.nastavnik.programme;

/**
 * Published by a feature when the work a roadmap item describes is done, e.g. the monitoring when the exit
 * assessment (7.4) or the quality survey (7.3) is complete: the roadmap closes the item in the publisher's
 * transaction ({@link RoadmapService#closeByWork}).
 *
 * @param result what was done, in Russian, as the roadmap shows it
 */
public record RoadmapWorkDone(long programmeId, String itemCode, String result) {
}
