package ru.nastavnik.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows repeated wrong passwords per client address and per account, and never locks an account: a right
 * password is checked at once, a wrong one is answered only after a delay that grows with the recent failures
 * of its address and of its account. Attempts being checked or delayed are bounded on the node, and from an
 * address with more than its free failures to a few at once, so such an address can try only a few passwords a
 * minute, while the real user, from elsewhere or after the stranger stopped, gets in at once; an address
 * without failures (a school's script calling the API in parallel) is not bounded by it. Failures are forgotten
 * after a quiet {@code window}. State is per node.
 */
class LoginThrottle {

    /** What one node allows; see {@code nastavnik.login} in application.yml. */
    record Limits(int freeFailuresPerAddress, Duration maxDelayPerAddress, int freeFailuresPerAccount,
                  Duration maxDelayPerAccount, Duration window, int attemptsInFlightPerAddress,
                  int attemptsInFlight) {
    }

    /** The right to check one password; closing it gives the place back. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private record Failures(int count, Instant last) {
    }

    private static final int MAX_TRACKED = 100_000;

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Semaphore allInFlight;

    LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.allInFlight = new Semaphore(limits.attemptsInFlight());
    }

    /** A place to check a password from this address, or null when too many attempts are under way. */
    Permit enter(String address) {
        if (!allInFlight.tryAcquire()) {
            return null;
        }
        AtomicInteger mine = inFlight.computeIfAbsent(address, a -> new AtomicInteger());
        boolean failing = recentFailuresFrom(address) > limits.freeFailuresPerAddress();
        if (mine.incrementAndGet() > limits.attemptsInFlightPerAddress() && failing) {
            leave(address, mine);
            return null;
        }
        return () -> leave(address, mine);
    }

    private void leave(String address, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            inFlight.remove(address, mine);
        }
        allInFlight.release();
    }

    /** Records a wrong password; returns how long to wait before answering it. */
    Duration failed(String account, String address) {
        int fromAddress = add(byAddress, address);
        int onAccount = add(byAccount, account);
        Duration a = delay(fromAddress, limits.freeFailuresPerAddress(), limits.maxDelayPerAddress());
        Duration b = delay(onAccount, limits.freeFailuresPerAccount(), limits.maxDelayPerAccount());
        return a.compareTo(b) >= 0 ? a : b;
    }

    int recentFailuresFrom(String address) {
        return current(byAddress.get(address));
    }

    int recentFailuresOf(String account) {
        return current(byAccount.get(account));
    }

    private int add(Map<String, Failures> failures, String key) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.last().plus(limits.window()).isBefore(now));
        }
        return failures.compute(key, (k, f) -> new Failures(current(f) + 1, now)).count();
    }

    private int current(Failures failures) {
        return failures == null || failures.last().plus(limits.window()).isBefore(clock.instant())
                ? 0 : failures.count();
    }

    /** None up to the free failures, then 1 s doubling with each further failure, up to the cap. */
    static Duration delay(int failures, int free, Duration cap) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
