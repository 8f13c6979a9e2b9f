package ru.nastavnik.pair;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values read in the current Spring transaction, by key, forgotten when it ends: one process step (a Camunda command
 * runs in one transaction) reads the same row several times from classes that do not pass it along. Outside a
 * transaction every read goes to the database. Whoever writes what the values are read from must {@link #forget}
 * them or {@link #put} what it wrote.
 */
final class TransactionCache<K, V> {

    /** The value read in this transaction, else read now (and kept, in a transaction). */
    V get(K key, Function<K, V> read) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return read.apply(key);
        }
        Map<K, V> values = values();
        V value = values.get(key);
        if (value == null) {
            value = read.apply(key);
            values.put(key, value);
        }
        return value;
    }

    /** A value as this transaction wrote it, so that the next read takes it without reading (none outside one). */
    void put(K key, V value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            values().put(key, value);
        }
    }

    /** Forgets every value read in this transaction, so that the next read sees a write. */
    void forget() {
        if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> values) {
            values.clear();
        }
    }

    /** This transaction's values, bound to it under this cache until it completes or while it is suspended. */
    @SuppressWarnings("unchecked")
    private Map<K, V> values() {
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (values != null) {
            return values;
        }
        Map<K, V> bound = new HashMap<>();
        TransactionSynchronizationManager.bindResource(this, bound);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // A transaction started inside this one (REQUIRES_NEW) reads on its own connection: it gets its own values.
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(TransactionCache.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(TransactionCache.this, bound);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(TransactionCache.this);
            }
        });
        return bound;
    }
}
