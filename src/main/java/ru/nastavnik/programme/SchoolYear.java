package ru.nastavnik.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A school year such as "2026/2027": September of the first year to August of the second. */
public record SchoolYear(int firstYear) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{4})");

    public static Optional<SchoolYear> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        return Integer.parseInt(m.group(2)) == first + 1 ? Optional.of(new SchoolYear(first)) : Optional.empty();
    }

    /** The school year that contains the given day. */
    public static SchoolYear containing(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1);
    }

    /** The calendar month of this school year with the given number (9–12 in the first year, 1–8 in the second). */
    public YearMonth month(int month) {
        return YearMonth.of(month >= 9 ? firstYear : firstYear + 1, month);
    }

    public LocalDate firstDay() {
        return LocalDate.of(firstYear, 9, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(firstYear + 1, 8, 31);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    @Override
    public String toString() {
        return firstYear + "/" + (firstYear + 1);
    }
}
