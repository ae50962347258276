package org.ahibridge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.ahibridge.audit.JsonLines;
import org.ahibridge.cli.progress.ExportProgressSource;
import org.ahibridge.cli.progress.ProgressDisplay;
import org.ahibridge.exporting.ExportFlow;
import org.ahibridge.exporting.ExportRequest;
import org.ahibridge.exporting.ExportSelection;
import org.ahibridge.exporting.OutputSyntax;
import org.ahibridge.exporting.OverwritePolicy;
import org.ahibridge.exporting.PathTemplate;
import org.ahibridge.startup.AwsCredentials;
import org.ahibridge.startup.StartupProblem;
import org.ahibridge.startup.StartupProblems;
import org.ahibridge.storage.AccessModeException;

/**
 * {@code export [--datastore NAME] --destination URI [filters] --once} (docs/design.md §6): one bulk export
 * of the selected image sets to a destination, then exit. The last line printed is a JSON summary
 * with an {@code outcomes} key (EXPORTED, SKIPPED_EXISTS, FAILED) and the run's AWS {@code requests}. Exit 0
 * when the run completed, even with failed instances; 1 when it could not complete (AHI search failing);
 * 2 for usage and configuration errors (an unknown datastore, access refused). The run is the service's own:
 * the command starts its Spring context ({@link CommandContext}) with the export flow's route files and sends
 * the request to direct:export-run, the path route-triggered exports take.
 */
public final class ExportCommand implements Command {

    static final CommandSpec SPEC = new CommandSpec("export", """
            [--datastore NAME] --destination URI|STORAGE --once [filters] [options]""",
            "exports image sets as DICOM P10 files to a folder or bucket, then exits",
            """
            Exports the selected image sets (all of them when no filter is given) as DICOM Part 10 files to a
            destination, then exits once every instance has an outcome (EXPORTED, SKIPPED_EXISTS, FAILED).
            While it runs, its progress (image sets, instances, frames) goes to stderr: one line redrawn in
            place on a terminal, a line every --progress-interval seconds otherwise. The last line printed on
            stdout is a JSON summary of the run. The datastore must allow read and the destination write.""",
            ProgressOptions.with(List.of(Option.value("--destination", "URI", """
                            where the files go (required): file:FOLDER, s3://bucket/prefix/,
                            azure-blob://account/container/prefix/, gs://bucket/prefix/, or a storage
                            registered under ahibridge.storages"""),
                    Option.value("--datastore", "NAME", "the datastore to read (default: local)"),
                    Option.flag("--once", "required: export once and exit (scheduled exports are routes)"),
                    Option.value("--patient-id", "ID", "filter: the Patient ID"),
                    Option.value("--accession-number", "N", "filter: the Accession Number"),
                    Option.value("--study-id", "ID", "filter: the Study ID"),
                    Option.value("--study-uid", "UID", "filter: the Study Instance UID (digits and dots)"),
                    Option.value("--series-uid", "UID", "filter: the Series Instance UID (digits and dots)"),
                    Option.value("--study-date", "FROM..TO", """
                            filter: study dates YYYYMMDD..YYYYMMDD; one date alone, or an open end
                            (20240101..)"""),
                    Option.value("--created", "FROM..TO", "filter: image sets created in this range of instants"),
                    Option.value("--updated", "FROM..TO", "filter: image sets updated in this range of instants"),
                    Option.value("--updated-since", "INSTANT", "filter: image sets updated since this instant"),
                    Option.repeatable("--image-set-id", "ID", "filter: this image set (32 lower-case letters or digits)"),
                    Option.flag("--primary-only", "only primary image sets"),
                    Option.flag("--all-versions", "primary and non-primary image sets (the default)"),
                    Option.flag("--incremental", "only what changed since the last run's updatedAt watermark"),
                    Option.value("--overwrite", "POLICY", """
                            existing files: never (default, SKIPPED_EXISTS), always, or if-different"""),
                    Option.value("--template", "TEMPLATE", """
                            the path of each file, with {DICOM keyword}, {ImageSetID} and
                            {DatastoreID} placeholders (default:\s""" + PathTemplate.defaultTemplate() + ")"),
                    Option.value("--transfer-syntax", "SYNTAX", """
                            stored (default: the frames as AHI stores them, HTJ2K on AWS) or
                            explicit-vr-little-endian (HTJ2K, JPEG 2000 and RLE decoded to native pixels;
                            needs libopenjp2 2.5, Debian package libopenjp2-7)"""),
                    Option.value("--concurrency", "N", "instances exported at once, 1 to 256 (default: 64)"),
                    Option.value("--frame-threads", "N", """
                            the most frame fetches in flight, 1 to 256 (default: 128; the flow keeps
                            GetImageFrame rate x latency of them)"""),
                    Option.value("--frame-window", "N", "the most frames one instance holds, 1 to 256 (default: 64)"),
                    Option.value("--config", "FILE", "the configuration file (default: ./application.yaml)"))),
            null, true,
            List.of("Instants are ISO-8601, e.g. 2026-01-31T00:00:00Z; either end of a range may be left empty.",
                    "Exit status: 0 the run completed, even with failed instances; 1 it could not complete;",
                    "2 usage error. Example:",
                    "  java -jar ahi-bridge.jar export --destination file:out --once"));

    /** The route files of the export flow, with the error configuration they name. */
    static final List<String> ROUTE_FILES = List.of("error-handling", "import-dead-letter", "export-run",
            "export-image-set", "export-outcome", "export-dead-letter");
    private static final ObjectMapper JSON = JsonLines.mapper();

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLine.run(SPEC, args, out, err, parsed -> export(request(parsed), properties(parsed),
                ProgressOptions.of(parsed, err), out, err));
    }

    private static int export(ExportRequest request, List<String> properties, ProgressOptions progress,
            PrintStream out, PrintStream err) {
        RunRequests requests = RunRequests.start();
        Map<String, Object> summary;
        try {
            RunPreconditions.requireCreatableFolder(request.destination());
            try (ConfigurableApplicationContext context = CommandContext.start(properties)) {
                ExportFlow flow = context.getBean(ExportFlow.class);
                flow.check(request);
                try (ProgressDisplay display = progress.show("export", new ExportProgressSource(flow::inFlight), err)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> result = context.getBean(ProducerTemplate.class)
                            .requestBody("direct:export-run", request, Map.class);
                    summary = result;
                }
            }
            // Printed once the context has closed, so no shutdown log line follows the summary.
            out.println(requests.addTo(JSON.writeValueAsString(summary)));
            return Commands.OK;
        } catch (Exception e) {
            return failed(request, e, err);
        }
    }

    /**
     * One line on {@code err}: a known problem or a wrong argument or configuration (an unknown datastore or
     * storage, a malformed URI, an access mode that forbids the export) is exit status 2, anything else 1.
     */
    private static int failed(ExportRequest request, Exception e, PrintStream err) {
        Optional<StartupProblem> problem = StartupProblems.find(e);
        if (problem.isPresent()) {
            err.println("export: " + problem.get().getMessage());
            return problem.get().isConfiguration() ? Commands.USAGE : Commands.FAILED;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof AccessModeException) {
                err.println("export: " + t.getMessage());
                return Commands.USAGE;
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = AwsCredentials.missingIn(e, "datastore '" + request.datastore() + "'")
                .map(Throwable::getMessage).orElse(root.getMessage());
        err.println("export: the run could not complete: " + message);
        return Commands.FAILED;
    }

    /**
     * The context's settings: the export flow's routes (from routes/ when the working folder has them, as the
     * service loads them, else the copies in the jar), no scheduled export, {@code --config}, the tuning
     * options and {@code -D} keys.
     */
    private static List<String> properties(ParsedArgs args) {
        List<String> properties = new ArrayList<>();
        properties.add("camel.main.routes-collector-enabled=true");
        properties.add(RouteFiles.includePattern(ROUTE_FILES));
        properties.add("ahibridge.export.schedule.enabled=false");
        // Beans stay lazy (CommandContext): Camel's context and routes start with Spring's and make the beans the
        // export routes name; beans only the import side uses are not built.
        String config = args.text("--config", null);
        if (config != null) {
            // The jar's built-in defaults first, the file over them, as ./application.yaml is read otherwise.
            properties.add("spring.config.location=optional:classpath:/application.yaml,optional:file:"
                    + Path.of(config).toAbsolutePath());
        }
        if (args.text("--concurrency", null) != null) {
            properties.add("ahibridge.export.tuning.instances-in-flight=" + number(args, "--concurrency", 64));
        }
        if (args.text("--frame-threads", null) != null) {
            int threads = number(args, "--frame-threads", 128);
            properties.add("ahibridge.export.tuning.max-frames-in-flight=" + threads);
            properties.add("ahibridge.export.tuning.min-frames-in-flight=" + Math.min(16, threads));
        }
        if (args.text("--frame-window", null) != null) {
            properties.add("ahibridge.export.tuning.frame-window=" + number(args, "--frame-window", 64));
        }
        properties.addAll(args.properties());
        return properties;
    }

    private static ExportRequest request(ParsedArgs args) {
        String destination = args.required("--destination");
        if (!args.has("--once")) {
            throw new UsageException("--once is required (continuous exports run as routes in the service)");
        }
        if (args.has("--primary-only") && args.has("--all-versions")) {
            throw new UsageException("--primary-only and --all-versions exclude each other; give one");
        }
        if (args.text("--updated", null) != null && args.text("--updated-since", null) != null) {
            throw new UsageException("--updated and --updated-since exclude each other; give one");
        }
        String studyUid = uid(args.text("--study-uid", null), "--study-uid");
        String seriesUid = uid(args.text("--series-uid", null), "--series-uid");
        LocalDate[] studyDates = dates(args.text("--study-date", null));
        Instant[] created = instants(args.text("--created", null), "--created");
        Instant[] updated = args.text("--updated-since", null) == null ? instants(args.text("--updated", null), "--updated")
                : new Instant[] {instant(args.text("--updated-since", null), "--updated-since"), null};
        List<String> ids = args.all("--image-set-id").stream().map(ExportCommand::imageSetId).toList();
        ExportSelection selection = new ExportSelection(args.text("--patient-id", null),
                args.text("--accession-number", null), args.text("--study-id", null), studyUid, seriesUid,
                studyDates[0], studyDates[1], created[0], created[1], updated[0], updated[1],
                args.has("--primary-only"), new ArrayList<>(ids));
        return new ExportRequest(args.text("--datastore", "local"), destination, selection, template(args),
                policy(args), args.has("--incremental"), syntax(args));
    }

    private static OutputSyntax syntax(ParsedArgs args) {
        try {
            return OutputSyntax.parse(args.text("--transfer-syntax", "stored"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--transfer-syntax takes stored or explicit-vr-little-endian");
        }
    }

    private static int number(ParsedArgs args, String option, int orElse) {
        return args.wholeNumber(option, orElse, 1, 256);
    }

    private static OverwritePolicy policy(ParsedArgs args) {
        try {
            return OverwritePolicy.parse(args.text("--overwrite", "never"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--overwrite takes never, always or if-different");
        }
    }

    // PathTemplate's messages say what is wrong without quoting the template, whose text could hold patient data.
    private static PathTemplate template(ParsedArgs args) {
        String text = args.text("--template", null);
        if (text == null) {
            return PathTemplate.defaultTemplate();
        }
        try {
            return PathTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--template: " + e.getMessage() + ". It needs a relative path of safe"
                    + " characters whose placeholders are DICOM keywords, {ImageSetID} or {DatastoreID}, e.g."
                    + " {StudyInstanceUID}/{SOPInstanceUID}.dcm");
        }
    }

    private static String uid(String value, String option) {
        if (value != null && !value.matches("[0-9.]{1,64}")) {
            throw new UsageException(option + " must be a DICOM UID (digits and dots)");
        }
        return value;
    }

    private static String imageSetId(String value) {
        if (!value.matches("[0-9a-z]{32}")) {
            throw new UsageException("--image-set-id must be 32 lower-case letters or digits");
        }
        return value;
    }

    private static LocalDate[] dates(String range) {
        if (range == null) {
            return new LocalDate[] {null, null};
        }
        String[] parts = split(range, "--study-date");
        try {
            DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
            return new LocalDate[] {parts[0].isEmpty() ? null : LocalDate.parse(parts[0], da),
                    parts[1].isEmpty() ? null : LocalDate.parse(parts[1], da)};
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException("--study-date takes YYYYMMDD..YYYYMMDD");
        }
    }

    private static Instant[] instants(String range, String option) {
        if (range == null) {
            return new Instant[] {null, null};
        }
        String[] parts = split(range, option);
        return new Instant[] {parts[0].isEmpty() ? null : instant(parts[0], option),
                parts[1].isEmpty() ? null : instant(parts[1], option)};
    }

    private static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new UsageException(option + " takes ISO-8601 instants such as 2026-01-31T00:00:00Z");
        }
    }

    private static String[] split(String range, String option) {
        int dots = range.indexOf("..");
        if (dots < 0) {
            return new String[] {range, range};
        }
        String[] parts = {range.substring(0, dots), range.substring(dots + 2)};
        if (parts[0].isEmpty() && parts[1].isEmpty()) {
            throw new UsageException(option + " needs at least one bound");
        }
        return parts;
    }
}
