package org.ahibridge.health;

import java.util.function.Supplier;

import org.ahibridge.ahi.AhiException;
import org.ahibridge.ahi.AhiOperations;
import org.ahibridge.ahi.AhiRejectedException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * One registered AHI datastore, by GetDatastore through the AHI boundary: UP when AHI answers ACTIVE, DOWN
 * for any other status or no answer. Details name the status or the kind of failure only (an AHI error code,
 * an HTTP status): no endpoint, ARN, credential or message text, which could carry more than an operator
 * needs on an unauthenticated port.
 */
final class DatastoreHealth implements HealthIndicator {

    private final Supplier<AhiOperations> ahi;
    private final String datastoreId;

    /** @param ahi the datastore's AHI boundary, asked for at the first check (making an SDK client is not free) */
    DatastoreHealth(Supplier<AhiOperations> ahi, String datastoreId) {
        this.ahi = ahi;
        this.datastoreId = datastoreId;
    }

    @Override
    public Health health() {
        try {
            String status = ahi.get().datastoreStatus(datastoreId);
            Health.Builder health = "ACTIVE".equals(status) ? Health.up() : Health.down();
            return health.withDetail("datastoreStatus", String.valueOf(status)).build();
        } catch (AhiException e) {
            return Health.down().withDetail("error", failure(e)).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    /** "no answer", or the error code and status AHI answered with. */
    static String failure(AhiException e) {
        if (e.statusCode() == 0 && e.errorCode() == null) {
            return "no answer from AHI";
        }
        String kind = e instanceof AhiRejectedException ? "rejected" : "throttled or unavailable";
        return kind + ": " + (e.errorCode() == null ? "" : e.errorCode() + " ") + "(HTTP " + e.statusCode() + ")";
    }
}
