package org.ahibridge.emulator.eventbridge;

/**
 * An error EventBridge answers with status 400 and {@code {"__type": type, "message": ...}} (AWS JSON 1.1
 * protocol); the type names are the service's (ResourceNotFoundException, ValidationException, ...).
 */
final class ServiceError extends RuntimeException {

    private final String type;

    ServiceError(String type, String message) {
        super(message);
        this.type = type;
    }

    String type() {
        return type;
    }

    static ServiceError validation(String message) {
        return new ServiceError("ValidationException", message);
    }

    static ServiceError notFound(String message) {
        return new ServiceError("ResourceNotFoundException", message);
    }

    static ServiceError ruleNotFound(String rule, String bus) {
        return notFound("Rule " + rule + " does not exist on EventBus " + bus + ".");
    }

    static ServiceError busNotFound(String bus) {
        return notFound("Event bus " + bus + " does not exist.");
    }
}
