package org.ahibridge.exporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ahibridge.export.*}: defaults for the export routes and the {@code export} command
 * (docs/export-pipeline.md). The scheduled export and the image-set mirror are disabled unless
 * {@code enabled} is set; both need a destination. {@code tuning} sizes the flow ({@link ExportSettings}).
 *
 * <pre>
 * ahibridge:
 *   export:
 *     datastore: local
 *     overwrite: never
 *     template: "{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm"
 *     transfer-syntax: stored        # or explicit-vr-little-endian
 *     schedule: { enabled: false, cron: "0 0 2 * * ?", destination: "s3://bucket/exports/" }
 *     mirror:   { enabled: false, queue: ahi-image-set-events, destination: "s3://bucket/mirror/" }
 *     tuning:   { image-sets-in-flight: 8, instances-in-flight: 64, max-frames-in-flight: 128 }
 * </pre>
 */
@ConfigurationProperties("ahibridge.export")
public record ExportProperties(@DefaultValue("local") String datastore, @DefaultValue("never") String overwrite,
        @DefaultValue(PathTemplate.DEFAULT) String template, @DefaultValue("stored") String transferSyntax,
        @DefaultValue Schedule schedule, @DefaultValue Mirror mirror, @DefaultValue ExportSettings tuning) {

    /** The Quartz-triggered incremental export. */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 0 2 * * ?") String cron,
            String destination) {
    }

    /** The event-driven mirror: "Image Set Created/Updated" events from an SQS queue. */
    public record Mirror(@DefaultValue("false") boolean enabled, @DefaultValue("ahi-image-set-events") String queue,
            String destination) {
    }
}
