package org.ahibridge.ledger.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests use: a named server, else the local one when it answers, else the embedded one. */
class PostgresChoiceTest {

    @Test
    void shouldUseANamedServerWithoutAskingTheLocalOne() {
        AtomicInteger probes = new AtomicInteger();

        PostgresChoice choice = PostgresChoice.decide("jdbc:postgresql://db:5432/", () -> probes.incrementAndGet() > 0);

        assertThat(choice).isEqualTo(PostgresChoice.NAMED);
        assertThat(probes).hasValue(0);
    }

    @Test
    void shouldUseTheLocalServerWhenItAnswers() {
        assertThat(PostgresChoice.decide(null, () -> true)).isEqualTo(PostgresChoice.LOCAL);
        assertThat(PostgresChoice.decide(" ", () -> true)).isEqualTo(PostgresChoice.LOCAL);
    }

    @Test
    void shouldStartTheEmbeddedServerWhenTheLocalOneDoesNotAnswer() {
        assertThat(PostgresChoice.decide(null, () -> false)).isEqualTo(PostgresChoice.EMBEDDED);
    }

    @Test
    void shouldGoStraightToTheEmbeddedServerWhenAskedTo() {
        AtomicInteger probes = new AtomicInteger();

        PostgresChoice choice = PostgresChoice.decide("embedded", () -> probes.incrementAndGet() > 0);

        assertThat(choice).isEqualTo(PostgresChoice.EMBEDDED);
        assertThat(probes).hasValue(0);
    }
}
