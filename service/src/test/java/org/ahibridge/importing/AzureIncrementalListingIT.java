package org.ahibridge.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.ahibridge.importing.IncrementalLister.PageResult;
import org.ahibridge.ledger.Discovery;
import org.ahibridge.ledger.Outcome;
import org.ahibridge.ledger.testing.Ledger;
import org.ahibridge.ledger.testing.LedgerDatabase;
import org.ahibridge.storage.azure.AzureBlobStore;
import org.ahibridge.storage.azure.AzureTuning;
import org.ahibridge.dicom.testing.Requires;
import org.ahibridge.storage.testing.Azurite;
import org.ahibridge.storage.testing.AzuriteInstalled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental discovery (listing position, stability rule, ledger) over an Azure container in Azurite:
 * nothing Azure-specific exists in the lister, so this proves the provider's tokens and versions fit it.
 */
@Requires(AzuriteInstalled.class)
class AzureIncrementalListingIT {

    static Azurite azurite;

    Ledger ledger;
    String root;
    AzureBlobStore store;
    IncrementalLister lister;

    @BeforeAll
    static void startAzurite() throws IOException {
        azurite = Azurite.start();
        azurite.createContainer("inbox");
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @BeforeEach
    void setUp() {
        ledger = new Ledger(LedgerDatabase.h2(true));
        // The ledger clock stands before the blobs' modification times, so only the two-pass rule applies.
        ledger.clock.advance(Duration.between(ledger.clock.instant(), Instant.now().minus(Duration.ofHours(1))));
        // Each test lists its own prefix of the shared container.
        root = "pass-" + Long.toHexString(System.nanoTime()) + "/";
        store = storeWithNewClient();
        lister = lister();
        ledger.runs.start("run-1", "azure-in", "", "main");
    }

    @AfterEach
    void tearDown() {
        ledger.database.close();
    }

    private AzureBlobStore storeWithNewClient() {
        return new AzureBlobStore(azurite.client().getBlobContainerClient("inbox"), Azurite.ACCOUNT, root,
                AzureTuning.DEFAULT);
    }

    private IncrementalLister lister() {
        return new IncrementalLister(ledger.positions, ledger.seen, ledger.objects,
                new StabilityRule(Duration.ofDays(1), new TemporaryNames(List.of("*.part"))),
                new AuditedOutcomes(ledger.objects, ledger.transitions, r -> { }, ledger.clock), ledger.clock, 2);
    }

    private void put(String key, String content) {
        store.write(key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), -1);
    }

    private List<PageResult> pass() {
        List<PageResult> pages = new ArrayList<>();
        PageResult page;
        do {
            page = lister.nextPage("run-1", store, "azure-in", "", "main", false);
            pages.add(page);
        } while (!page.passCompleted());
        return pages;
    }

    private static List<Discovery> taken(List<PageResult> pages) {
        return pages.stream().flatMap(p -> p.taken().stream()).toList();
    }

    private static List<String> keys(List<Discovery> taken) {
        return taken.stream().map(d -> d.object().key()).toList();
    }

    @Test
    void shouldTakeStableBlobsOnceAndNothingNewOnTheNextPass() {
        put("a.dcm", "a");
        put("b/c with space ü.dcm", "c");
        put("d.dcm", "d");
        put("upload.dcm.part", "partial");

        List<PageResult> first = pass();
        put("d.dcm", "d changed");
        List<PageResult> second = pass();
        List<PageResult> third = pass();
        List<Discovery> all = new ArrayList<>(taken(second));
        all.addAll(taken(third));
        all.forEach(d -> ledger.transitions.finish(d.object().id(), Outcome.SKIPPED_BY_RULE, "test"));
        List<PageResult> fourth = pass();
        List<PageResult> fifth = pass();

        assertThat(first).hasSize(2);
        assertThat(taken(first)).isEmpty();
        assertThat(first.stream().mapToInt(PageResult::waiting).sum()).isEqualTo(3);
        assertThat(first.stream().mapToInt(PageResult::temporary).sum()).isEqualTo(1);
        assertThat(keys(taken(second))).containsExactly("a.dcm", "b/c with space ü.dcm");
        // d.dcm changed between passes 1 and 2 (a new ETag), so it waits one more pass.
        assertThat(keys(taken(third))).containsExactly("d.dcm");
        // Later passes take nothing: each finished blob is passed over as known once it is seen stable again.
        assertThat(taken(fourth)).isEmpty();
        assertThat(taken(fifth)).isEmpty();
        assertThat(fourth.stream().mapToInt(PageResult::known).sum() + fifth.stream().mapToInt(PageResult::known).sum())
                .isEqualTo(3);
    }

    @Test
    void shouldResumeFromThePersistedAzureTokenWithANewClient() {
        for (int i = 0; i < 5; i++) {
            put("f" + i + ".dcm", "x");
        }
        lister.nextPage("run-1", store, "azure-in", "", "main", false);
        String token = ledger.positions.get("azure-in", "").continuationToken();

        PageResult resumed = lister().nextPage("run-1", storeWithNewClient(), "azure-in", "", "main", false);

        assertThat(token).startsWith("azure:");
        assertThat(resumed.waiting()).isEqualTo(2);
        assertThat(ledger.seen.find("azure-in", "f3.dcm")).isPresent();
        assertThat(ledger.seen.find("azure-in", "f4.dcm")).isEmpty();
        assertThat(ledger.positions.get("azure-in", "").lastKey()).isEqualTo("f3.dcm");
    }
}
