package ru.nastavnik.programme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The default roadmap: the 35 items 1.1–7.8 of the seed programme's table, kept as data in
 * {@code programme/default-roadmap.tsv} and moved to a given school year.
 */
@Component
public class RoadmapTemplate {

    private record Row(String code, int stage, String group, int firstMonth, int lastMonth, String title) {
    }

    private final List<Row> rows;

    public RoadmapTemplate() {
        this.rows = load();
    }

    /** Nothing of a programme falls due sooner than this after the day it is planned from. */
    static final int LEAD_DAYS = 14;

    /**
     * The roadmap planned from a day: as the template has it while every item is still at least
     * {@link #LEAD_DAYS} away; otherwise (a programme started mid-year) the whole plan is compressed into the
     * time from that day to the plan's last due date, keeping the items' order and proportions, and no item due
     * before the lead. Empty when the day leaves too little of the year (see {@link #latestStart}).
     */
    public List<RoadmapItem> itemsFrom(SchoolYear year, LocalDate from) {
        return itemsFrom(itemsFor(year), year, from);
    }

    /** {@link #itemsFrom(SchoolYear, LocalDate)} for a roadmap of the year other than the template's (last year's). */
    public List<RoadmapItem> itemsFrom(List<RoadmapItem> items, SchoolYear year, LocalDate from) {
        LocalDate planStart = items.stream().map(RoadmapItem::startDate).min(LocalDate::compareTo).orElseThrow();
        LocalDate planEnd = items.stream().map(RoadmapItem::dueDate).max(LocalDate::compareTo).orElseThrow();
        LocalDate firstDueAllowed = from.plusDays(LEAD_DAYS);
        if (items.stream().noneMatch(item -> item.dueDate().isBefore(firstDueAllowed))) {
            return items;
        }
        if (from.isAfter(latestStart(year))) {
            return List.of();
        }
        double factor = (double) ChronoUnit.DAYS.between(from, planEnd) / ChronoUnit.DAYS.between(planStart, planEnd);
        List<RoadmapItem> planned = new ArrayList<>();
        for (RoadmapItem item : items) {
            LocalDate due = max(moved(item.dueDate(), planStart, from, factor), firstDueAllowed);
            LocalDate start = min(moved(item.startDate(), planStart, from, factor), due);
            planned.add(item.withDates(start, due));
        }
        return planned;
    }

    /** The last day a programme of this school year can start on: two months before its plan ends. */
    public LocalDate latestStart(SchoolYear year) {
        return itemsFor(year).stream().map(RoadmapItem::dueDate).max(LocalDate::compareTo).orElseThrow()
                .minusMonths(2);
    }

    private static LocalDate moved(LocalDate day, LocalDate planStart, LocalDate from, double factor) {
        return from.plusDays(Math.round(ChronoUnit.DAYS.between(planStart, day) * factor));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A roadmap of another school year moved to this one: the same items, titles, roles and days of the year. */
    public static List<RoadmapItem> movedTo(List<RoadmapItem> items, SchoolYear from, SchoolYear to) {
        int years = to.firstYear() - from.firstYear();
        return items.stream().map(item -> RoadmapItem.planned(item.code(), item.stage(), item.position(), item.title(),
                item.responsibleGroup(), item.startDate().plusYears(years), item.dueDate().plusYears(years))).toList();
    }

    public List<RoadmapItem> itemsFor(SchoolYear year) {
        List<RoadmapItem> items = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            items.add(RoadmapItem.planned(row.code(), row.stage(), i + 1, row.title(), row.group(),
                    year.month(row.firstMonth()).atDay(1), year.month(row.lastMonth()).atEndOfMonth()));
        }
        return items;
    }

    private static List<Row> load() {
        try (InputStream in = RoadmapTemplate.class.getResourceAsStream("/programme/default-roadmap.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Row> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(new Row(f[0], Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), f[5]));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the default roadmap", e);
        }
    }
}
