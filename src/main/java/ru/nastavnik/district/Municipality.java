package ru.nastavnik.district;

/** A municipality (муниципальное образование): its schools' programmes and its coordinators belong to it. */
public record Municipality(long id, String name) {
}
