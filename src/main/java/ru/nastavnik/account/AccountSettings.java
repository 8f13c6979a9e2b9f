package ru.nastavnik.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code nastavnik.account.*}: how long a mentor's link to set the password works. */
@ConfigurationProperties("nastavnik.account")
record AccountSettings(@DefaultValue("72") long linkHours) {
}
