package org.ahibridge.emulator;

import java.net.URI;

/**
 * Where the emulated services answer. AHI and EventBridge share one port (EventBridge requests are
 * told apart by their {@code X-Amz-Target} header).
 */
public record EmulatorEndpoints(URI ahi, URI eventBridge, URI s3, URI sqs, String region, String accountId) {
}
