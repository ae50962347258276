package org.ahibridge.exporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ahibridge.export.*}: defaults for the export routes (docs/export-pipeline.md). The scheduled
 * export and the image-set mirror are disabled unless {@code enabled} is set; both need a destination.
 *
 * <pre>
 * ahibridge:
 *   export:
 *     datastore: local
 *     overwrite: never
 *     template: "{StudyInstanceUID}/{SeriesInstanceUID}/{SOPInstanceUID}.dcm"
 *     schedule: { enabled: false, cron: "0 0 2 * * ?", destination: "s3://bucket/exports/" }
 *     mirror:   { enabled: false, queue: ahi-image-set-events, destination: "s3://bucket/mirror/" }
 * </pre>
 */
@ConfigurationProperties("ahibridge.export")
public record ExportProperties(@DefaultValue("local") String datastore, @DefaultValue("never") String overwrite,
        @DefaultValue(PathTemplate.DEFAULT) String template, @DefaultValue Schedule schedule, @DefaultValue Mirror mirror) {

    /** The Quartz-triggered incremental export. */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 0 2 * * ?") String cron,
            String destination) {
    }

    /** The event-driven mirror: "Image Set Created/Updated" events from an SQS queue. */
    public record Mirror(@DefaultValue("false") boolean enabled, @DefaultValue("ahi-image-set-events") String queue,
            String destination) {
    }
}
