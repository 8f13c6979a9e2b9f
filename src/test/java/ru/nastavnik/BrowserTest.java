package ru.nastavnik;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that drive the product in Chromium: one browser ({@link Tasklist}) for the test class. */
abstract class BrowserTest extends IntegrationTest {

    static Tasklist tasklist;

    @BeforeAll
    static void launchChromium() {
        tasklist = Tasklist.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (tasklist != null) {
            tasklist.close();
        }
    }
}
