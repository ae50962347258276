package org.ahibridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** What the page escapes and what the re-drive action refuses, without a server. */
class StatusGuardsTest {

    private static final StatusProperties DEFAULTS = new StatusProperties(true, false, 20, 50, 5);

    @Test
    void shouldEscapeEveryCharacterThatCouldEndTextOrAnAttribute() {
        assertThat(Html.text("<img src=x onerror='a()'> & \"q\"")).isEqualTo(
                "&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; &quot;q&quot;");
        assertThat(Html.text(null)).isEmpty();
        assertThat(Html.path("a b/c?d")).isEqualTo("a%20b%2Fc%3Fd");
    }

    @Test
    void shouldRefuseTheReDriveUnlessItIsEnabled() {
        StatusService readOnly = new StatusService(null, null, DEFAULTS, null, Clock.systemUTC());

        StatusService.Redrive refused = readOnly.redrive(null, "127.0.0.1:8080");

        assertThat(refused.kind()).isEqualTo(StatusService.Redrive.Kind.DISABLED);
        assertThat(refused.message()).contains("ahibridge.status.redrive-enabled");
    }

    @Test
    void shouldRefuseAReDrivePostedFromAnotherOrigin() {
        // Started, this one would fail (no imports) and answer BUSY: FOREIGN_ORIGIN means it was never asked.
        StatusService enabled = new StatusService(null, null, DEFAULTS, new StatusRedrive(null, "local"),
                Clock.systemUTC());

        assertThat(enabled.redrive("https://evil.example", "127.0.0.1:8080").kind())
                .isEqualTo(StatusService.Redrive.Kind.FOREIGN_ORIGIN);
        assertThat(enabled.redrive("not a uri", "127.0.0.1:8080").kind())
                .isEqualTo(StatusService.Redrive.Kind.FOREIGN_ORIGIN);
    }

    @Test
    void shouldAnswerNoRunForAnIdThatCouldNotNameOne() {
        StatusService service = new StatusService(null, null, DEFAULTS, null, Clock.systemUTC());

        assertThat(service.run("../../etc/passwd")).isEmpty();
        assertThat(service.failures("<script>", -1)).isEmpty();
    }
}
