package ru.nastavnik.programme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
