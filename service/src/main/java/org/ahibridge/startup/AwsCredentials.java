package org.ahibridge.startup;

import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Missing AWS credentials, said in one line that names the registration and what to set, instead of the
 * SDK's kilobyte-long account of every provider in its default chain.
 */
public final class AwsCredentials {

    // The SDK's own wording when no provider of a chain had credentials; it has no error code for it.
    private static final String NONE_FOUND = "Unable to load credentials";

    private AwsCredentials() {
    }

    /** Resolves the chain now, before anything moves; throws a {@link StartupProblem} when it has nothing. */
    public static void require(String registration, AwsCredentialsProvider chain) {
        try {
            chain.resolveCredentials();
        } catch (SdkClientException e) {
            throw missing(registration);
        }
    }

    /** The one-line problem when {@code failure} was caused by the chain having no credentials. */
    public static Optional<StartupProblem> missingIn(Throwable failure, String registration) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SdkClientException && String.valueOf(t.getMessage()).startsWith(NONE_FOUND)) {
                return Optional.of(missing(registration));
            }
        }
        return Optional.empty();
    }

    private static StartupProblem missing(String registration) {
        return new StartupProblem("no AWS credentials for " + registration + " were found through the AWS default"
                + " credentials chain: set AWS_PROFILE (a profile in ~/.aws), or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY, or run where an instance, task or pod role applies", false);
    }
}
