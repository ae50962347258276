package org.ahibridge.emulator.ahi;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.ahibridge.emulator.ahi.fault.FaultInjector;

/**
 * The emulator's own endpoints, under {@code /_emulator/} (not part of AHI):
 * <ul>
 *   <li>{@code GET /_emulator/health}: {@code {"status":"UP"}}</li>
 *   <li>{@code POST /_emulator/faults}: {@code {"operation":"GetImageFrame","kind":"THROTTLE|ERROR|FATAL","next":3}}
 *       or {@code "percent":20} instead of {@code next}; {@code operation} {@code *} = every operation</li>
 *   <li>{@code POST /_emulator/faults/jobs}: {@code {"failNext":1,"failPercent":0,"message":"...","delayMillis":0}}</li>
 *   <li>{@code DELETE /_emulator/faults}: clears every fault</li>
 * </ul>
 */
final class AdminApi {

    private AdminApi() {
    }

    static AhiRoutes routes(FaultInjector faults) {
        return new AhiRoutes()
                .add("GET", "/_emulator/health", "Health", request -> Json.ok(Json.object().put("status", "UP")))
                .add("POST", "/_emulator/faults", "InjectFault", request -> {
                    JsonNode body = request.json();
                    String operation = Validate.text(body, "operation");
                    String kind = Validate.text(body, "kind");
                    if (operation == null || kind == null) {
                        throw AhiError.validation("operation and kind are required");
                    }
                    FaultInjector.Kind k;
                    try {
                        k = FaultInjector.Kind.valueOf(kind);
                    } catch (IllegalArgumentException e) {
                        throw AhiError.validation("kind must be THROTTLE, ERROR or FATAL");
                    }
                    if (body.has("percent")) {
                        faults.percent(operation, k, body.get("percent").asInt());
                    } else {
                        faults.next(operation, k, body.path("next").asInt(1));
                    }
                    return Json.ok(Json.object());
                })
                .add("POST", "/_emulator/faults/jobs", "InjectJobFault", request -> {
                    JsonNode body = request.json();
                    faults.failJobs(body.path("failNext").asInt(0), body.path("failPercent").asInt(0),
                            Validate.text(body, "message"));
                    faults.slowJobs(Duration.ofMillis(body.path("delayMillis").asLong(0)));
                    return Json.ok(Json.object());
                })
                .add("DELETE", "/_emulator/faults", "ClearFaults", request -> {
                    faults.clear();
                    return Json.ok(Json.object());
                });
    }
}
