package ru.nastavnik;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Prints where staff open the product, once everything (demo data included) is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final String publicUrl;

    StartupBanner(@Value("${nastavnik.public-url}") String publicUrl) {
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void print() {
        log.info("\n\n  Наставник запущен. Tasklist: {}/camunda/app/tasklist/\n  API: {}/api/programmes\n",
                publicUrl, publicUrl);
    }
}
