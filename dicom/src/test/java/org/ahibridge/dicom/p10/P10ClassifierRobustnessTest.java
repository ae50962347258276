package org.ahibridge.dicom.p10;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ahibridge.dicom.DicomParseException;
import org.ahibridge.dicom.DicomReader;
import org.ahibridge.dicom.ReadOptions;
import org.ahibridge.dicom.testing.Dcmtk;
import org.ahibridge.dicom.testing.DcmtkCorpus;
import org.ahibridge.dicom.testing.Requires;
import org.junit.jupiter.api.Test;

/**
 * Hostile input: thousands of mutated variants of real files (fixed seed) and synthetic nesting and
 * endless streams. Every variant gets a verdict, no exception escapes, none takes long, and the bytes a
 * classification allocates stay far below the object sizes a hostile length field declares.
 */
class P10ClassifierRobustnessTest {

    private static final long SEED = 20261122L;
    private static final int VARIANTS = 3000;
    private static final int BATCH = 250;
    private static final long MAX_ALLOCATED = 64L << 20;
    private static final long[] HOSTILE_LENGTHS = {0, 1, 3, 0xFFFF, 0x7FFFFFFFL, 0xFFFFFFF0L, 0xFFFFFFFFL, 1 << 20};

    private final P10Classifier classifier = new P10Classifier();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<P10Reason, Integer> reasons = new EnumMap<>(P10Reason.class);
    private int compliant;

    @Test
    @Requires(Dcmtk.class)
    void shouldGiveEveryMutatedVariantAVerdictQuicklyWithBoundedMemory() throws IOException {
        List<byte[]> bases = new ArrayList<>();
        for (DcmtkCorpus.Item item : DcmtkCorpus.items()) {
            bases.add(Files.readAllBytes(item.file()));
        }
        Random random = new Random(SEED);
        for (int start = 0; start < VARIANTS; start += BATCH) {
            int batchStart = start;
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int i = batchStart; i < batchStart + BATCH; i++) {
                    byte[] base = bases.get(random.nextInt(bases.size()));
                    byte[] variant = mutate(base, random, i % 6);
                    check(variant, random.nextInt(4) == 0 ? -1 : variant.length, "variant " + i);
                    if (i % 10 == 0) {
                        readFully(variant, "variant " + i);
                    }
                }
            }, "batch starting at variant " + batchStart);
        }
        assertThat(reasons).containsKeys(P10Reason.TRUNCATED, P10Reason.MALFORMED, P10Reason.NO_P10_HEADER);
        assertThat(compliant).isPositive();
    }

    @Test
    void shouldStopDeepAndEndlessNestingWithinTheLimits() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int depth : new int[] {10, 17, 100, 5000}) {
                P10Bytes bytes = P10Bytes.validHeader();
                for (int i = 0; i < depth; i++) {
                    bytes.header(0x00291020, "SQ", 0xFFFFFFFFL).item(0xFFFEE000, 0xFFFFFFFFL);
                }
                byte[] object = bytes.bytes();
                check(object, object.length, "depth " + depth);
                check(object, -1, "depth " + depth + ", size unknown");
            }
            P10Verdict endless = check(endlessItems(), -1, "endless items");
            assertThat(endless.reason()).isEqualTo(P10Reason.HEADER_TOO_LARGE);
            assertThat(endless.bytesRead()).isLessThan(P10Classifier.DEFAULT_MAX_HEADER_BYTES + 64 * 1024);
        });
        assertThat(reasons).containsKeys(P10Reason.MALFORMED, P10Reason.TRUNCATED);
    }

    /** The full reader (pixel data included) either reads the variant or says why it cannot. */
    private static void readFully(byte[] variant, String what) {
        try {
            DicomReader.read(new ByteArrayInputStream(variant), ReadOptions.full().withKnownSize(variant.length));
        } catch (DicomParseException expected) {
            assertThat(expected.getMessage()).as(what).isNotBlank();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": the full reader threw " + e, e);
        }
    }

    private P10Verdict check(byte[] object, long size, String what) throws IOException {
        return check(new ByteArrayInputStream(object), size, what);
    }

    private P10Verdict check(InputStream in, long size, String what) throws IOException {
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        P10Verdict verdict = classifier.classify(in, size);
        long allocated = threads.getThreadAllocatedBytes(threadId) - before;

        assertThat(verdict).as(what).isNotNull();
        assertThat(verdict.message()).as(what).doesNotContain("internal reader error");
        assertThat(allocated).as(what + ": bytes allocated").isLessThan(MAX_ALLOCATED);
        if (verdict.compliant()) {
            compliant++;
        } else {
            reasons.merge(verdict.reason(), 1, Integer::sum);
        }
        return verdict;
    }

    /** One of six mutation kinds, mostly aimed at the header (the first few KiB). */
    private static byte[] mutate(byte[] base, Random random, int kind) {
        int headerEnd = Math.min(base.length, 2048);
        byte[] variant = base.clone();
        switch (kind) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    variant[random.nextInt(headerEnd)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> putLength(variant, 132 + random.nextInt(headerEnd - 136), random.nextBoolean() ? 2 : 4,
                    HOSTILE_LENGTHS[random.nextInt(HOSTILE_LENGTHS.length)]);
            case 2 -> variant = Arrays.copyOf(base, random.nextInt(base.length));
            case 3 -> variant = Arrays.copyOf(base, random.nextInt(Math.min(base.length, 4096)));
            case 4 -> putLength(variant, 132 + 2 * random.nextInt((headerEnd - 136) / 2), 4, 0xFFFFFFF0L);
            default -> {
                int at = 132 + random.nextInt(headerEnd - 140);
                int count = 1 + random.nextInt(16);
                byte[] shifted = new byte[base.length - count];
                System.arraycopy(base, 0, shifted, 0, at);
                System.arraycopy(base, at + count, shifted, at, base.length - at - count);
                variant = shifted;
            }
        }
        return variant;
    }

    private static void putLength(byte[] bytes, int at, int width, long value) {
        for (int i = 0; i < width; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    /** A valid header, then an undefined-length sequence of empty items that never ends. */
    private static InputStream endlessItems() {
        byte[] head = P10Bytes.validHeader().header(0x00291020, "SQ", 0xFFFFFFFFL).bytes();
        byte[] item = new P10Bytes().item(0xFFFEE000, 0).bytes();
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                long at = position++;
                return at < head.length ? head[(int) at] & 0xFF : item[(int) ((at - head.length) % item.length)] & 0xFF;
            }
        };
    }
}
