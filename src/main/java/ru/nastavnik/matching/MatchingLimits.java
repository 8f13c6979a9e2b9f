package ru.nastavnik.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code nastavnik.matching.*}: the largest instance {@code POST /api/matching/solve} takes, and how many run at once,
 * so that the largest accepted instance fits the default heap (see the README's matching benchmark). Larger is
 * answered 413, more at once 429. A setting left out takes its default.
 *
 * @param maxMentees    mentees in one instance (default 10,000)
 * @param maxMentors    mentors in one instance (default 3,000)
 * @param maxBody       the JSON body, read no further (default 8MB; 10,000 × 3,000 random instances take about
 *                      5 MB)
 * @param maxConcurrent instances solved at once on a node (default 1)
 */
@ConfigurationProperties("nastavnik.matching")
public record MatchingLimits(Integer maxMentees, Integer maxMentors, DataSize maxBody, Integer maxConcurrent) {

    public static final MatchingLimits DEFAULTS = new MatchingLimits(null, null, null, null);

    public MatchingLimits {
        maxMentees = maxMentees == null ? 10_000 : maxMentees;
        maxMentors = maxMentors == null ? 3_000 : maxMentors;
        maxBody = maxBody == null ? DataSize.ofMegabytes(8) : maxBody;
        maxConcurrent = maxConcurrent == null ? 1 : maxConcurrent;
        if (maxMentees < 1 || maxMentors < 1 || maxBody.toBytes() < 1 || maxConcurrent < 1) {
            throw new IllegalArgumentException("nastavnik.matching.* limits must be positive");
        }
    }
}
