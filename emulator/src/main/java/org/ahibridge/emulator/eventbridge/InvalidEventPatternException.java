package org.ahibridge.emulator.eventbridge;

/** An event pattern that EventBridge would refuse; the message is the reason, as in AWS's InvalidEventPatternException. */
public final class InvalidEventPatternException extends IllegalArgumentException {

    InvalidEventPatternException(String reason) {
        super("Event pattern is not valid. Reason: " + reason);
    }
}
