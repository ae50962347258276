package org.ahibridge.audit;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ahibridge.audit.directory}: where the audit lines ({@code outcomes-YYYY-MM-DD.jsonl}) and run
 * reports ({@code runs/<run-id>.json|csv}) go; relative paths are relative to the working directory.
 */
@ConfigurationProperties("ahibridge.audit")
public record AuditProperties(@DefaultValue("audit") Path directory) {
}
