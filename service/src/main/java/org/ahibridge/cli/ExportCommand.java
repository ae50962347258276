package org.ahibridge.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.embedded.EmbeddedEmulator;
import org.ahibridge.exporting.ExportConfig;
import org.ahibridge.exporting.ExportJob;
import org.ahibridge.exporting.ExportReport;
import org.ahibridge.exporting.ExportReportWriter;
import org.ahibridge.exporting.ExportRequest;
import org.ahibridge.exporting.ExportSelection;
import org.ahibridge.exporting.ExportSettings;
import org.ahibridge.exporting.OverwritePolicy;
import org.ahibridge.exporting.PathTemplate;

/**
 * {@code export [--datastore NAME] --destination URI [filters] --once} (DESIGN.md §6): one bulk export
 * of the selected image sets to a destination, then exit. The last line printed is a JSON summary
 * with an {@code outcomes} key (EXPORTED, SKIPPED_EXISTS, FAILED). Exit 0 when the run completed,
 * even with failed instances; 1 when it could not complete (configuration, access refused, AHI
 * search failing); 2 for usage errors. Beans are wired by hand ({@link ExportJob}), not by Spring.
 */
public final class ExportCommand implements Command {

    static final String USAGE = """
            usage: export [--datastore NAME] --destination URI|STORAGE --once
                          [--patient-id ID] [--accession-number N] [--study-id ID] [--study-uid UID]
                          [--series-uid UID] [--study-date YYYYMMDD..YYYYMMDD] [--created FROM..TO]
                          [--updated-since INSTANT] [--updated FROM..TO] [--image-set-id ID]...
                          [--primary-only | --all-versions] [--incremental]
                          [--overwrite never|always|if-different] [--template TEMPLATE]
                          [--concurrency N] [--frame-threads N] [--frame-window N] [--config FILE]
              datastore defaults to 'local'; no filter exports every image set; instants are ISO-8601
              (2026-01-31T00:00:00Z); an open end of a range may be left empty (20240101..)""";

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        ExportRequest request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage());
            err.println(USAGE);
            return Commands.USAGE;
        }
        EmbeddedEmulator embedded = null;
        try {
            embedded = embeddedDefault(request);
            EmbeddedEmulator local = embedded;
            ExportReport report = ExportJob.run(request, registrations -> local == null
                    || registrations.hasDatastore(EmbeddedEmulator.DATASTORE) ? registrations
                            : registrations.withDatastore(local.readyLocal()));
            out.println(ExportReportWriter.summary(report, request.datastore(), request.destination()));
            return Commands.OK;
        } catch (Exception e) {
            err.println("export: the run could not complete: " + e.getMessage());
            return Commands.FAILED;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * The embedded default (DESIGN.md §5) for the datastore {@code local}: the in-process emulator with its
     * state under {@code ahibridge.embedded.data-dir}, started only if {@code local} is not configured.
     */
    private static EmbeddedEmulator embeddedDefault(ExportRequest request) throws java.io.IOException {
        if (!EmbeddedEmulator.DATASTORE.equals(request.datastore())) {
            return null;
        }
        ExportConfig config = ExportConfig.load(request.configFile());
        if (!Boolean.parseBoolean(config.string("ahibridge.embedded.enabled", "true"))) {
            return null;
        }
        return new EmbeddedEmulator(java.nio.file.Path.of(config.string("ahibridge.embedded.data-dir",
                "data/emulator")), false);
    }

    static ExportRequest parse(String[] args) {
        String datastore = "local";
        String destination = null;
        String patient = null;
        String accession = null;
        String studyId = null;
        String studyUid = null;
        String seriesUid = null;
        LocalDate[] studyDates = {null, null};
        Instant[] created = {null, null};
        Instant[] updated = {null, null};
        boolean primaryOnly = false;
        boolean once = false;
        boolean incremental = false;
        List<String> ids = new ArrayList<>();
        OverwritePolicy policy = OverwritePolicy.NEVER;
        PathTemplate template = PathTemplate.defaultTemplate();
        ExportSettings settings = ExportSettings.DEFAULT;
        Path config = Path.of("application.yaml");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--once" -> once = true;
                case "--primary-only" -> primaryOnly = true;
                case "--all-versions" -> primaryOnly = false;
                case "--incremental" -> incremental = true;
                case "--datastore" -> datastore = value(args, ++i, arg);
                case "--destination" -> destination = value(args, ++i, arg);
                case "--patient-id" -> patient = value(args, ++i, arg);
                case "--accession-number" -> accession = value(args, ++i, arg);
                case "--study-id" -> studyId = value(args, ++i, arg);
                case "--study-uid" -> studyUid = uid(value(args, ++i, arg), arg);
                case "--series-uid" -> seriesUid = uid(value(args, ++i, arg), arg);
                case "--study-date" -> studyDates = dates(value(args, ++i, arg));
                case "--created" -> created = instants(value(args, ++i, arg), arg);
                case "--updated" -> updated = instants(value(args, ++i, arg), arg);
                case "--updated-since" -> updated = new Instant[] {instant(value(args, ++i, arg), arg), null};
                case "--image-set-id" -> ids.add(imageSetId(value(args, ++i, arg)));
                case "--overwrite" -> policy = OverwritePolicy.parse(value(args, ++i, arg));
                case "--template" -> template = PathTemplate.parse(value(args, ++i, arg));
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--concurrency" -> settings = settings.withConcurrency(number(args, ++i, arg),
                        settings.frameThreads(), settings.frameWindow());
                case "--frame-threads" -> settings = settings.withConcurrency(settings.instanceConcurrency(),
                        number(args, ++i, arg), settings.frameWindow());
                case "--frame-window" -> settings = settings.withConcurrency(settings.instanceConcurrency(),
                        settings.frameThreads(), number(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        if (destination == null) {
            throw new IllegalArgumentException("--destination is required");
        }
        if (!once) {
            throw new IllegalArgumentException("--once is required (continuous exports run as routes in the service)");
        }
        ExportSelection selection = new ExportSelection(patient, accession, studyId, studyUid, seriesUid, studyDates[0],
                studyDates[1], created[0], created[1], updated[0], updated[1], primaryOnly, ids);
        return new ExportRequest(datastore, destination, selection, template, policy, incremental, settings, config);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String[] args, int i, String option) {
        try {
            int n = Integer.parseInt(value(args, i, option));
            if (n < 1 || n > 256) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number from 1 to 256");
        }
    }

    private static String uid(String value, String option) {
        if (!value.matches("[0-9.]{1,64}")) {
            throw new IllegalArgumentException(option + " must be a DICOM UID (digits and dots)");
        }
        return value;
    }

    private static String imageSetId(String value) {
        if (!value.matches("[0-9a-z]{32}")) {
            throw new IllegalArgumentException("--image-set-id must be 32 lower-case letters or digits");
        }
        return value;
    }

    private static LocalDate[] dates(String range) {
        String[] parts = split(range, "--study-date");
        try {
            DateTimeFormatter da = DateTimeFormatter.BASIC_ISO_DATE;
            return new LocalDate[] {parts[0].isEmpty() ? null : LocalDate.parse(parts[0], da),
                    parts[1].isEmpty() ? null : LocalDate.parse(parts[1], da)};
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--study-date takes YYYYMMDD..YYYYMMDD");
        }
    }

    private static Instant[] instants(String range, String option) {
        String[] parts = split(range, option);
        return new Instant[] {parts[0].isEmpty() ? null : instant(parts[0], option),
                parts[1].isEmpty() ? null : instant(parts[1], option)};
    }

    private static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes ISO-8601 instants such as 2026-01-31T00:00:00Z");
        }
    }

    private static String[] split(String range, String option) {
        int dots = range.indexOf("..");
        if (dots < 0) {
            return new String[] {range, range};
        }
        String[] parts = {range.substring(0, dots), range.substring(dots + 2)};
        if (parts[0].isEmpty() && parts[1].isEmpty()) {
            throw new IllegalArgumentException(option + " needs at least one bound");
        }
        return parts;
    }
}
