package ru.nastavnik.matching;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hard rules' thresholds and the score's weights, in one place (also in the README, section "Matching").
 * <ul>
 *   <li>«Ученик – ученик»: the mentor is in a higher class (a greater class number) than the mentee;</li>
 *   <li>«Учитель – учитель»: the mentor has at least {@link #EXPERIENCED_YEARS} years of teaching — the seeds call a
 *       young specialist one with 0–3 years and name no mentor threshold, so 5 leaves a clear gap; in the variant
 *       «опытный предметник – неопытный предметник» the mentor also teaches one of the mentee's subjects;</li>
 *   <li>«Работодатель – ученик», «Работодатель – студент»: the mentor has at least {@link #PROFESSIONAL_YEARS}
 *       years of professional experience (DOMAIN.md: 5+).</li>
 * </ul>
 */
final class MatchingRules {

    static final int EXPERIENCED_YEARS = 5;
    static final int PROFESSIONAL_YEARS = 5;
    static final int MAX_CAPACITY = 30;

    /** Points per mentee request (Topic) the mentor's competencies cover. */
    static final int PER_REQUEST = 10;
    /** Points per shared subject, counted up to {@link #MAX_SHARED}. */
    static final int PER_SUBJECT = 3;
    /** Points per shared interest, counted up to {@link #MAX_SHARED}. */
    static final int PER_INTEREST = 2;
    static final int MAX_SHARED = 3;
    /** Points for being someone's 1st, 2nd, 3rd, further wish (each side counts). */
    static final int[] RANK_POINTS = {6, 4, 2, 1};
    /** Extra points when both named each other. */
    static final int MUTUAL = 4;

    private static final Pattern CLASS = Pattern.compile("^\\s*(\\d{1,2})\\s*[-–—]?\\s*[\"«]?([А-ЯЁа-яёA-Za-z]?)[\"»]?\\s*$");

    private MatchingRules() {
    }

    static int rankPoints(int rank) {
        return RANK_POINTS[Math.min(rank, RANK_POINTS.length) - 1];
    }

    /** The class number of «7Б», «10 а», «11-А»; -1 when it is not a class of 1–11. */
    static int grade(String schoolClass) {
        if (schoolClass == null) {
            return -1;
        }
        Matcher m = CLASS.matcher(schoolClass);
        if (!m.matches()) {
            return -1;
        }
        int grade = Integer.parseInt(m.group(1));
        return grade >= 1 && grade <= 11 ? grade : -1;
    }

    /** «7Б» for «7 б», «7-б». */
    static String classLabel(String schoolClass) {
        Matcher m = CLASS.matcher(schoolClass);
        return m.matches() ? Integer.parseInt(m.group(1)) + m.group(2).toUpperCase(Locale.ROOT) : schoolClass.trim();
    }

    /** A subject or interest as compared: lower case, «ё» as «е», single spaces. */
    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
    }

    /** «1 год», «3 года», «7 лет». */
    static String years(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        String word = mod100 >= 11 && mod100 <= 14 ? "лет" : mod10 == 1 ? "год" : mod10 >= 2 && mod10 <= 4 ? "года" : "лет";
        return n + " " + word;
    }
}
