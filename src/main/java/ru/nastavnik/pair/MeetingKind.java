package ru.nastavnik.pair;

import java.util.Arrays;

/** The meetings of a pair or group in the order of the seeds (stage 6), each with its roadmap item. */
public enum MeetingKind {

    ACQUAINTANCE("acquaintance", "6.1", "Встреча-знакомство"),
    TRIAL("trial", "6.2", "Пробная рабочая встреча"),
    PLANNING("planning", "6.3", "Встреча-планирование"),
    REGULAR("regular", "6.4", "Регулярная встреча"),
    FINAL("final", "6.6", "Итоговая встреча");

    /** The roadmap item of the feedback between the regular meetings and the final one. */
    public static final String FEEDBACK_ITEM = "6.5";

    private final String code;
    private final String roadmapItem;
    private final String title;

    MeetingKind(String code, String roadmapItem, String title) {
        this.code = code;
        this.roadmapItem = roadmapItem;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String roadmapItem() {
        return roadmapItem;
    }

    public String title() {
        return title;
    }

    public static MeetingKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown meeting kind: " + code));
    }
}
