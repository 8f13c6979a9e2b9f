package ru.nastavnik.shared;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * At most so many heavy calls (imports, matching) at once on this node. The next one is refused at once with 429
 * and a Retry-After instead of queueing: waiting requests would each hold their upload in memory.
 */
public final class ConcurrencyLimit {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyLimit.class);

    /** The refusal: 429 with a Russian message and the seconds after which to try again. */
    public static class BusyException extends ApiException {

        private final int retryAfterSeconds;

        BusyException(String message, int retryAfterSeconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final String name;
    private final int permits;
    private final Semaphore running;
    private final String busyMessage;
    private final int retryAfterSeconds;

    /**
     * @param name        what is limited, for the log («participant and preference imports»)
     * @param busyMessage the Russian refusal shown to the user
     */
    public ConcurrencyLimit(String name, int permits, String busyMessage, int retryAfterSeconds) {
        this.name = name;
        this.permits = permits;
        this.running = new Semaphore(permits);
        this.busyMessage = busyMessage;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public <T> T run(Supplier<T> call) {
        if (!running.tryAcquire()) {
            log.warn("Refused with 429: {} already running {} at once", name, permits);
            throw new BusyException(busyMessage, retryAfterSeconds);
        }
        try {
            return call.get();
        } finally {
            running.release();
        }
    }
}
