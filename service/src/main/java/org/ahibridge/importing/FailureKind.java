package org.ahibridge.importing;

import java.util.Locale;

/**
 * Whether a FAILURE line of an import job is the customer's error (the file itself is rejected: final)
 * or a server error (worth another job). AHI's manifest counts the two separately
 * ({@code numberOfFilesWithCustomerError}, {@code numberOfFilesWithServerError}, docs/aws-healthimaging.md §6); per
 * line,
 * the exception type tells them apart.
 */
enum FailureKind {
    CUSTOMER,
    SERVER;

    static FailureKind of(String exceptionType) {
        if (exceptionType == null) {
            return CUSTOMER;
        }
        String type = exceptionType.toLowerCase(Locale.ROOT);
        return type.contains("internal") || type.contains("serviceunavailable") || type.contains("throttl")
                || type.contains("timeout") || type.contains("servererror") ? SERVER : CUSTOMER;
    }
}
