package ru.nastavnik;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.nastavnik.shared.PublicUrl;

/** Prints where staff open the product, once everything (demo data included) is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final PublicUrl publicUrl;

    StartupBanner(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void print() {
        log.info("\n\n  Наставник запущен. Tasklist: {}\n  API: {}\n",
                publicUrl.of("/camunda/app/tasklist/"), publicUrl.of("/api/programmes"));
    }
}
